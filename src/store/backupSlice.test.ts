import { afterEach, describe, expect, it } from "vitest";
import type { MessageId } from "../engine/ids";
import { defined, openTestStudio, type TestStudio } from "./storeTestSupport";

let studio: TestStudio;
afterEach(async () => {
  await studio.state().dispose();
  studio.storage.close();
});

/** The contents of a memory's window as the next call would read it, oldest first. */
async function windowContents(head: MessageId | null, size: number): Promise<string[]> {
  const back = await studio.state().readBack(head, size);
  return back.reverse().map((m) => `${m.role}: ${m.content}`);
}

const headOf = () => defined(studio.state().runs.find((r) => r.id === studio.state().headRunId));

describe("restoring a backup", () => {
  it("adds copies with new ids whose runs still chain and whose memory reads the same window", async () => {
    studio = await openTestStudio();
    const state = studio.state;
    await state().createFlow("memoryWindow5");
    for (const text of ["One", "Two", "Three", "Four"]) await state().send(text);
    const originalFlowId = defined(studio.editor.getState().flowId);
    const originalHead = headOf();
    const originalRuns = state().runs;
    const originalWindow = await windowContents(originalHead.memoryHeads.chat_llm ?? null, 5);
    expect(originalWindow).toHaveLength(5);

    const backup = await state().backupData();
    const preview = await state().previewRestore(backup);
    // Restoring into the same browser: every id is taken, so every record gets a new one.
    expect(preview.renames.map((r) => [r.from, r.to]).sort()).toEqual([
      ["Chat with memory", "Chat with memory (2)"],
      ["Memory window of 5", "Memory window of 5 (2)"],
    ]);
    const outcome = defined(await state().restoreBackup(backup));
    expect(outcome.newIds).toBe(
      2 + 1 + originalRuns.length + 8, // flows, conversation, runs, messages
    );

    // The restored copy of the newest flow is open, on its conversation, at its head.
    const restoredFlowId = defined(studio.editor.getState().flowId);
    expect(restoredFlowId).not.toBe(originalFlowId);
    expect(studio.editor.getState().flow?.name).toBe("Memory window of 5 (2)");
    expect(state().turns.map((t) => t.input)).toEqual(["One", "Two", "Three", "Four"]);
    const runs = state().runs;
    const ids = new Set(runs.map((r) => r.id));
    expect(runs.some((r) => originalRuns.some((o) => o.id === r.id))).toBe(false);
    // Each run continues the one before it, inside the copy.
    expect(runs.map((r) => r.parentRunId)).toEqual([null, ...runs.slice(0, -1).map((r) => r.id)]);
    for (const run of runs) {
      expect(run.flowId).toBe(restoredFlowId);
      if (run.parentRunId) expect(ids.has(run.parentRunId)).toBe(true);
    }
    const head = headOf();
    expect(head.memoryHeads.chat_llm).not.toBe(originalHead.memoryHeads.chat_llm);
    expect(await windowContents(head.memoryHeads.chat_llm ?? null, 5)).toEqual(originalWindow);
    // The whole log is the copy's own: no link leads back into the original's messages.
    const log = await state().readMemoryLog(defined(head.memoryHeads.chat_llm));
    expect(log.map((m) => m.content)).toHaveLength(8);
    expect(new Set(log.map((m) => m.conversationId))).toEqual(new Set([head.conversationId]));
    expect(new Set(log.map((m) => m.runId)).size).toBe(4);
    for (const m of log) expect(ids.has(m.runId)).toBe(true);

    // The next message in the copy reads the same five messages, then the original's stay put.
    await state().send("Five");
    const next = headOf();
    expect(next.parentRunId).toBe(head.id);
    const kept = defined(next.nodes.find((n) => n.nodeId === "chat_llm")?.llm?.memory).keptIds;
    const keptContents = (await state().readMessages(kept)).map((m) => `${m.role}: ${m.content}`);
    expect(keptContents).toEqual(originalWindow);
    expect(state().turns.at(-1)?.outputs.output).toContain('5 from memory "chat_llm"');
    const original = await studio.storage.runs.listByConversation(
      defined(originalRuns[0]).conversationId,
    );
    expect(original.map((r) => r.id)).toEqual(originalRuns.map((r) => r.id));
  });

  it("restores a flow file's conversations with its flow, continuing where the chat was", async () => {
    studio = await openTestStudio();
    const state = studio.state;
    await state().send("Hello");
    await state().send("Again");
    const flowId = defined(studio.editor.getState().flowId);
    const section = await state().conversationsForExport(flowId);
    const flow = defined(await studio.storage.flows.get(flowId)).flow;

    const newId = defined(await state().importFlowWithConversations(flow, section));
    expect(newId).not.toBe(flowId);
    expect(studio.editor.getState().flow?.name).toBe("Chat with memory (2)");
    expect(state().conversations.map((c) => c.title)).toEqual(["Hello"]);
    expect(state().turns.map((t) => t.input)).toEqual(["Hello", "Again"]);
    await state().send("Third");
    expect(state().turns.at(-1)?.outputs.output).toContain('4 from memory "chat_llm"');
  });
});
