import { afterEach, describe, expect, it } from "vitest";
import { conversationId } from "../engine/ids";
import { RevisionConflictError } from "./storageErrors";
import {
  CONV_A,
  chain,
  FLOW_1,
  FLOW_2,
  openTestStorage,
  saveTestRun,
  testFlow,
  testRun,
} from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

let storage: StudioStorage | undefined;
afterEach(() => {
  storage?.close();
  storage = undefined;
});

describe("FlowRepository", () => {
  it("creates a flow at revision 1 and increments the revision on every save", async () => {
    storage = await openTestStorage();
    const first = await storage.flows.save(FLOW_1, testFlow("Draft"));
    const second = await storage.flows.save(FLOW_1, testFlow("Renamed"));

    expect(first.revision).toBe(1);
    expect(second.revision).toBe(2);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
    const stored = await storage.flows.get(FLOW_1);
    expect(stored?.revision).toBe(2);
    expect(stored?.flow.name).toBe("Renamed");
  });

  it("refuses to overwrite a save made elsewhere since the editor loaded the flow", async () => {
    storage = await openTestStorage();
    await storage.flows.save(FLOW_1, testFlow("v1"));
    await storage.flows.save(FLOW_1, testFlow("v2 from another tab"), 1);

    await expect(storage.flows.save(FLOW_1, testFlow("stale"), 1)).rejects.toThrow(
      RevisionConflictError,
    );
    expect((await storage.flows.get(FLOW_1))?.flow.name).toBe("v2 from another tab");
  });

  it("lists flows last saved first", async () => {
    storage = await openTestStorage();
    await storage.flows.save(FLOW_1, testFlow("one"));
    await storage.flows.save(FLOW_2, testFlow("two"));
    expect((await storage.flows.list()).map((f) => f.flow.name)).toEqual(["two", "one"]);

    await storage.flows.save(FLOW_1, testFlow("one again"));
    expect((await storage.flows.list()).map((f) => f.flow.name)).toEqual(["one again", "two"]);
  });

  it("deletes a flow with its conversations, runs and messages, and nothing of another flow", async () => {
    storage = await openTestStorage();
    const other = conversationId("other-flow-chat");
    await storage.flows.save(FLOW_1, testFlow("doomed"));
    await storage.flows.save(FLOW_2, testFlow("kept"));
    await saveTestRun(storage, testRun("r1"));
    await storage.saver.appendMessages(chain("a", ["U1", "A1"]));
    await saveTestRun(storage, testRun("r2", { conversationId: other, flowId: FLOW_2 }));
    const kept = chain("b", ["U1", "A1"], { conversationId: other });
    await storage.saver.appendMessages(kept);

    await storage.flows.delete(FLOW_1);

    expect(await storage.flows.get(FLOW_1)).toBeUndefined();
    expect(await storage.conversations.get(CONV_A)).toBeUndefined();
    expect(await storage.runs.listByConversation(CONV_A)).toEqual([]);
    expect(await storage.db.count("memoryMessages")).toBe(2);
    expect(await storage.messages.resolve(kept.map((m) => m.id))).toEqual(kept);
    expect((await storage.conversations.listByFlow(FLOW_2)).map((c) => c.id)).toEqual([other]);
  });
});
