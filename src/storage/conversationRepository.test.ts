import { afterEach, describe, expect, it } from "vitest";
import { conversationId, runId } from "../engine/ids";
import { NotFoundError } from "./storageErrors";
import {
  CONV_A,
  CONV_B,
  chain,
  FLOW_1,
  FLOW_2,
  lastOf,
  openTestStorage,
  saveTestRun,
  testRun,
} from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

let storage: StudioStorage | undefined;
afterEach(() => {
  storage?.close();
  storage = undefined;
});

describe("ConversationRepository", () => {
  it("lists a flow's conversations most recently active first, and only that flow's", async () => {
    storage = await openTestStorage();
    await storage.conversations.create({ id: CONV_A, flowId: FLOW_1, title: "A" });
    await storage.conversations.create({ id: CONV_B, flowId: FLOW_1, title: "B" });
    await storage.conversations.create({ id: conversationId("c"), flowId: FLOW_2, title: "C" });
    expect((await storage.conversations.listByFlow(FLOW_1)).map((c) => c.title)).toEqual([
      "B",
      "A",
    ]);

    await saveTestRun(storage, testRun("r1", { conversationId: CONV_A }));
    expect((await storage.conversations.listByFlow(FLOW_1)).map((c) => c.title)).toEqual([
      "A",
      "B",
    ]);
  });

  it("starts a conversation with no head and refuses a duplicate id", async () => {
    storage = await openTestStorage();
    const created = await storage.conversations.create({ flowId: FLOW_1 });
    expect(created.headRunId).toBeNull();
    expect(await storage.conversations.get(created.id)).toEqual(created);
    await expect(
      storage.conversations.create({ id: created.id, flowId: FLOW_1 }),
    ).rejects.toThrow();
  });

  it("renames without reordering the list", async () => {
    storage = await openTestStorage();
    await storage.conversations.create({ id: CONV_A, flowId: FLOW_1, title: "A" });
    await storage.conversations.create({ id: CONV_B, flowId: FLOW_1, title: "B" });
    const renamed = await storage.conversations.rename(CONV_A, "Trip planning");

    expect(renamed.title).toBe("Trip planning");
    expect((await storage.conversations.listByFlow(FLOW_1)).map((c) => c.title)).toEqual([
      "B",
      "Trip planning",
    ]);
    await expect(storage.conversations.rename(conversationId("gone"), "x")).rejects.toThrow(
      NotFoundError,
    );
  });

  it("switches the head to another branch's run, and refuses a run of another conversation", async () => {
    storage = await openTestStorage();
    await saveTestRun(storage, testRun("r1"));
    await saveTestRun(storage, testRun("r2", { parent: "r1" }));
    await saveTestRun(storage, testRun("r2-edited", { parent: "r1" }));
    await saveTestRun(storage, testRun("other", { conversationId: CONV_B }));

    const switched = await storage.conversations.setHeadRun(CONV_A, runId("r2"));
    expect(switched.headRunId).toBe(runId("r2"));
    expect((await storage.conversations.get(CONV_A))?.headRunId).toBe(runId("r2"));

    await expect(storage.conversations.setHeadRun(CONV_A, runId("other"))).rejects.toThrow(
      /belongs to conversation/,
    );
    await expect(storage.conversations.setHeadRun(CONV_A, runId("missing"))).rejects.toThrow(
      NotFoundError,
    );
    expect((await storage.conversations.get(CONV_A))?.headRunId).toBe(runId("r2"));
  });

  it("deletes a conversation with its runs and messages, and nothing of another", async () => {
    storage = await openTestStorage();
    await saveTestRun(storage, testRun("a1"));
    await saveTestRun(storage, testRun("a2", { parent: "a1" }));
    await storage.saver.appendMessages(chain("a", ["U1", "A1", "U2", "A2"]));
    await saveTestRun(storage, testRun("b1", { conversationId: CONV_B }));
    const kept = chain("b", ["U1", "A1"], { conversationId: CONV_B });
    await storage.saver.appendMessages(kept);

    await storage.conversations.delete(CONV_A);

    expect(await storage.conversations.get(CONV_A)).toBeUndefined();
    expect(await storage.saver.loadRun(runId("a1"))).toBeUndefined();
    expect(await storage.saver.loadRun(runId("a2"))).toBeUndefined();
    expect(await storage.db.count("memoryMessages")).toBe(2);
    expect(await storage.db.count("runs")).toBe(1);
    expect((await storage.conversations.get(CONV_B))?.headRunId).toBe(runId("b1"));
    expect(await storage.saver.readBack(lastOf(kept).id, Infinity)).toEqual([...kept].reverse());
  });
});
