import { afterEach, describe, expect, it } from "vitest";
import { runId } from "../engine/ids";
import { CONV_A, CONV_B, openTestStorage, saveTestRun, testRun } from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

let storage: StudioStorage | undefined;
afterEach(() => {
  storage?.close();
  storage = undefined;
});

const ids = (runs: readonly { id: string }[]) => runs.map((r) => r.id);

/** r1 -> r2 -> r3, and r2-edited branching off r1 (the user edited turn 2). */
async function branchedConversation(s: StudioStorage) {
  await saveTestRun(s, testRun("r1", { startedAt: 10 }));
  await saveTestRun(s, testRun("r2", { parent: "r1", startedAt: 20 }));
  await saveTestRun(s, testRun("r3", { parent: "r2", startedAt: 30 }));
  await saveTestRun(s, testRun("r2-edited", { parent: "r1", startedAt: 40 }));
  await saveTestRun(s, testRun("elsewhere", { conversationId: CONV_B, startedAt: 5 }));
}

describe("RunRepository", () => {
  it("lists every run of a conversation, all branches, oldest first", async () => {
    storage = await openTestStorage();
    await branchedConversation(storage);

    expect(ids(await storage.runs.listByConversation(CONV_A))).toEqual([
      "r1",
      "r2",
      "r3",
      "r2-edited",
    ]);
    expect(ids(await storage.runs.listByConversation(CONV_B))).toEqual(["elsewhere"]);
  });

  it("gets one run by id, and nothing for an unknown id", async () => {
    storage = await openTestStorage();
    await branchedConversation(storage);
    expect((await storage.runs.get(runId("r2")))?.parentRunId).toBe("r1");
    expect(await storage.runs.get(runId("missing"))).toBeUndefined();
  });
});
