import { describe, expect, it } from "vitest";
import { conversationId, flowId, runId } from "../engine/ids";
import {
  CONV_A,
  CONV_B,
  chain,
  FLOW_1,
  lastOf,
  openTestStorage,
  saveTestRun,
  testRun,
} from "../storage/storageTestSupport";
import { collectFlowConversations } from "./flowConversations";

describe("collectFlowConversations", () => {
  it("gathers the flow's conversations, every run of every branch and the messages they wrote", async () => {
    const storage = await openTestStorage();
    await storage.conversations.create({ id: CONV_A, flowId: FLOW_1 });
    await storage.conversations.create({ id: CONV_B, flowId: FLOW_1 });
    // Another flow's conversation never comes along.
    const other = conversationId("conv-other");
    await storage.conversations.create({ id: other, flowId: flowId("flow-2") });

    const first = chain("a1", ["U1", "A1"], { runId: runId("r1") });
    // Two branches from r1, sharing its messages.
    const left = chain("a2", ["U2", "A2"], { runId: runId("r2"), after: lastOf(first) });
    const right = chain("a3", ["U2'", "A2'"], { runId: runId("r3"), after: lastOf(first) });
    const inB = chain("b1", ["B1", "BA1"], { runId: runId("rb"), conversationId: CONV_B });
    const elsewhere = chain("x1", ["X"], { runId: runId("rx"), conversationId: other });
    await storage.saver.appendMessages([...first, ...left, ...right, ...inB, ...elsewhere]);
    const appended = (messages: typeof first) => ({ chat_llm: messages.map((m) => m.id) });
    await saveTestRun(storage, testRun("r1", { appended: appended(first), startedAt: 1 }));
    await saveTestRun(
      storage,
      testRun("r2", { parent: "r1", appended: appended(left), startedAt: 2 }),
    );
    await saveTestRun(
      storage,
      testRun("r3", { parent: "r1", appended: appended(right), startedAt: 3 }),
    );
    await saveTestRun(
      storage,
      testRun("rb", { conversationId: CONV_B, appended: appended(inB), startedAt: 4 }),
    );
    await saveTestRun(
      storage,
      testRun("rx", {
        conversationId: other,
        flowId: flowId("flow-2"),
        appended: appended(elsewhere),
      }),
    );

    const collected = await collectFlowConversations(storage, FLOW_1);
    expect(collected.conversations.map((c) => c.id)).toEqual([CONV_A, CONV_B]);
    expect(collected.runs.map((r) => r.id)).toEqual(["r1", "r2", "r3", "rb"]);
    expect(collected.memoryMessages.map((m) => m.content)).toEqual([
      "U1",
      "A1",
      "U2",
      "U2'",
      "A2",
      "A2'",
      "B1",
      "BA1",
    ]);
    storage.close();
  });

  it("gives empty lists for a flow never chatted with", async () => {
    const storage = await openTestStorage();
    expect(await collectFlowConversations(storage, FLOW_1)).toEqual({
      conversations: [],
      runs: [],
      memoryMessages: [],
    });
    storage.close();
  });
});
