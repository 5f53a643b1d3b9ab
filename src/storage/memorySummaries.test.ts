import { afterEach, describe, expect, it } from "vitest";
import { memoryId, nodeId, runId } from "../engine/ids";
import type { MemorySummary } from "../engine/memorySummary";
import { CONV_A, chain, FLOW_1, lastOf, openTestStorage, testRun } from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

let storage: StudioStorage | undefined;
afterEach(() => {
  storage?.close();
  storage = undefined;
});

const M = memoryId("m");

function summaryOf(coversId: MemorySummary["coversId"], text: string): MemorySummary {
  return {
    memoryId: M,
    coversId,
    coveredCount: 2,
    conversationId: CONV_A,
    text,
    previousCoversId: null,
    foldedCount: 2,
    runId: runId("r1"),
    nodeId: nodeId("chat_llm"),
    createdAt: 1,
  };
}

describe("stored summaries (docs/memory.md, Summary memory)", () => {
  it("land with the run's final record, keyed by memory and covered-up-to message", async () => {
    storage = await openTestStorage();
    await storage.conversations.create({ id: CONV_A, flowId: FLOW_1 });
    const log = chain("m", ["U1", "A1"], { memoryId: M });
    const summary = summaryOf(lastOf(log).id, "The user said U1.");
    await storage.saver.finishRun(testRun("r1"), log, {}, [summary]);
    expect(await storage.saver.loadSummary(M, lastOf(log).id)).toEqual(summary);
    // Another memory with the same message id is another key.
    expect(await storage.saver.loadSummary(memoryId("other"), lastOf(log).id)).toBeUndefined();
  });

  it("a run whose final write fails stores none of its summaries (nothing orphaned)", async () => {
    storage = await openTestStorage();
    await storage.conversations.create({ id: CONV_A, flowId: FLOW_1 });
    const log = chain("m", ["U1", "A1"], { memoryId: M });
    await storage.saver.appendMessages(log);
    const summary = summaryOf(lastOf(log).id, "lost");
    // The messages exist already: the whole transaction fails, the summary with it.
    await expect(storage.saver.finishRun(testRun("r1"), log, {}, [summary])).rejects.toThrow(
      /not stored/,
    );
    expect(await storage.saver.loadSummary(M, lastOf(log).id)).toBeUndefined();
  });

  it("deleting a conversation deletes its summaries", async () => {
    storage = await openTestStorage();
    await storage.conversations.create({ id: CONV_A, flowId: FLOW_1 });
    const log = chain("m", ["U1", "A1"], { memoryId: M });
    await storage.saver.finishRun(testRun("r1"), log, {}, [summaryOf(lastOf(log).id, "s")]);
    await storage.conversations.delete(CONV_A);
    expect(await storage.saver.loadSummary(M, lastOf(log).id)).toBeUndefined();
  });
});
