import { afterEach, describe, expect, it } from "vitest";
import type { RunEvent } from "../engine/events";
import { nodeId } from "../engine/ids";
import { applyNodeEvent } from "./liveRun";
import { defined, openTestStudio, type TestStudio } from "./storeTestSupport";

let studio: TestStudio;
afterEach(async () => {
  await studio.state().dispose();
  studio.storage.close();
});

const LLM = nodeId("chat_llm");

describe("running one node alone", () => {
  it("needs a conversation to record it in", async () => {
    studio = await openTestStudio();
    const result = await studio.state().runFromHere({
      nodeId: LLM,
      values: { input: "x" },
      source: "typed",
      writesMemory: false,
    });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("Send a message first") });
    expect(studio.state().runs).toEqual([]);
  });

  it("records a marked run, leaves the chat and memory as they were", async () => {
    studio = await openTestStudio();
    await studio.state().send("One");
    await studio.state().send("Two");
    const before = studio.state();
    const result = await before.runFromHere({
      nodeId: LLM,
      values: { input: "Alone" },
      source: "typed",
      writesMemory: false,
    });
    const after = studio.state();
    expect(result.ok).toBe(true);
    const run = defined(after.runs.at(-1));
    expect(run.runFromHere).toEqual({ nodeId: LLM, source: "typed", writesMemory: false });
    // It saw memory as the second turn did: the first exchange only.
    expect(run.nodes[0]?.output).toContain('2 from memory "chat_llm"');
    expect(after.headRunId).toBe(before.headRunId);
    expect(after.turns.map((t) => t.input)).toEqual(["One", "Two"]);
    expect(after.liveRun).toBeNull();
    expect(after.running).toBeNull();
    const stored = await studio.storage.conversations.get(defined(after.conversationId));
    expect(stored?.headRunId).toBe(before.headRunId);
    // The next message continues from the last turn, not from the run alone.
    await after.send("Three");
    expect(studio.state().turns.at(-1)?.outputs.output).toContain('4 from memory "chat_llm"');
  });

  it("with write to memory, becomes the conversation's next turn", async () => {
    studio = await openTestStudio();
    await studio.state().send("One");
    const result = await studio.state().runFromHere({
      nodeId: LLM,
      values: { input: "Written" },
      source: "typed",
      writesMemory: true,
    });
    expect(result.ok).toBe(true);
    const { headRunId, runs, turns } = studio.state();
    expect(headRunId).toBe(runs.at(-1)?.id);
    expect(turns.map((t) => t.input)).toEqual(["One", "Written"]);
    await studio.state().send("Three");
    expect(studio.state().turns.at(-1)?.outputs.output).toContain('4 from memory "chat_llm"');
  });
});

describe("the run in progress, node by node", () => {
  it("follows node events and is gone when the run finishes", () => {
    const runId = "r" as never;
    const events: RunEvent[] = [
      {
        type: "run-started",
        runId,
        parentRunId: null,
        conversationId: "c" as never,
        input: "",
        at: 0,
      },
      { type: "node-started", runId, nodeId: LLM, at: 1 },
    ];
    let live = events.reduce(applyNodeEvent, null);
    expect(live?.nodes[LLM]).toEqual({ status: "running" });
    const before = live;
    live = applyNodeEvent(live, { type: "token", runId, nodeId: LLM, text: "a" });
    // A token changes nothing: nothing on the canvas redraws per token.
    expect(live).toBe(before);
    live = applyNodeEvent(live, {
      type: "node-failed",
      runId,
      nodeId: LLM,
      error: { kind: "internal", message: "boom" },
      record: { nodeId: LLM, type: "llm", status: "error" },
    });
    expect(live?.nodes[LLM]).toEqual({ status: "failed", error: "boom" });
    expect(applyNodeEvent(live, { type: "run-finished", runId, snapshot: {} as never })).toBeNull();
  });
});
