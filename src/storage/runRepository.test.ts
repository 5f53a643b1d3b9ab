import { afterEach, describe, expect, it } from "vitest";
import { runId } from "../engine/ids";
import { CorruptStorageError } from "./storageErrors";
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
  it("returns the branch ending at a run, root first", async () => {
    storage = await openTestStorage();
    await branchedConversation(storage);

    expect(ids(await storage.runs.runPath(runId("r3")))).toEqual(["r1", "r2", "r3"]);
    expect(ids(await storage.runs.runPath(runId("r2-edited")))).toEqual(["r1", "r2-edited"]);
    expect(await storage.runs.runPath(null)).toEqual([]);
  });

  it("follows the conversation head to the branch the user is on", async () => {
    storage = await openTestStorage();
    await branchedConversation(storage);
    const head = (await storage.conversations.get(CONV_A))?.headRunId ?? null;
    expect(ids(await storage.runs.runPath(head))).toEqual(["r1", "r2-edited"]);
  });

  it("lists every run of a conversation oldest first, and the branches off a run", async () => {
    storage = await openTestStorage();
    await branchedConversation(storage);

    expect(ids(await storage.runs.listByConversation(CONV_A))).toEqual([
      "r1",
      "r2",
      "r3",
      "r2-edited",
    ]);
    expect(ids(await storage.runs.listChildren(runId("r1")))).toEqual(["r2", "r2-edited"]);
    expect(await storage.runs.listChildren(runId("r3"))).toEqual([]);
  });

  it("throws naming the run when a parent is missing", async () => {
    storage = await openTestStorage();
    await saveTestRun(storage, testRun("orphan", { parent: "lost" }));
    await expect(storage.runs.runPath(runId("orphan"))).rejects.toThrow(CorruptStorageError);
    await expect(storage.runs.runPath(runId("orphan"))).rejects.toThrow(/Run lost is missing/);
  });
});
