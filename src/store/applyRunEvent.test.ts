import { describe, expect, it } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import { withHostileNames } from "../../test/helpers/hostileNames";
import type { RunEvent } from "../engine/events";
import { conversationId, nodeId, runId } from "../engine/ids";
import { testRun } from "../storage/storageTestSupport";
import { applyRunEvent, type ChatView, outputStreams } from "./applyRunEvent";
import { failLastTurn, pendingTurn, turnsOf } from "./turnList";

const R1 = runId("r1");
const R2 = runId("r2");
const first = testRun("r1", { input: "Hi", outputs: { output: "Hello" } });
const streams = outputStreams(loadFlow("chat-with-memory"));

/** The chat after the first exchange, with a second message in progress. */
function sending(): ChatView {
  const runs = [first];
  return { runs, headRunId: R1, turns: [...turnsOf(runs, R1), pendingTurn("Again", R1)] };
}

const event = {
  started: (id = R2): RunEvent => ({
    type: "run-started",
    runId: id,
    parentRunId: R1,
    conversationId: conversationId("conv-a"),
    input: "Again",
    at: 1,
  }),
  token: (node: string, text: string): RunEvent => ({
    type: "token",
    runId: R2,
    nodeId: nodeId(node),
    text,
  }),
};

describe("applyRunEvent", () => {
  it("streams the chat LLM's tokens into the output that shows its reply", () => {
    expect(streams.get(nodeId("chat_llm"))).toEqual([nodeId("output")]);
    let view = applyRunEvent(sending(), event.started(), streams);
    expect(view.turns.at(-1)?.runId).toBe(R2);
    view = applyRunEvent(view, event.token("chat_llm", "Hel"), streams);
    view = applyRunEvent(view, event.token("chat_llm", "lo"), streams);
    expect(view.turns.at(-1)?.outputs).toEqual({ output: "Hello" });
    // The earlier exchange is untouched.
    expect(view.turns[0]).toEqual(sending().turns[0]);
  });

  it("streams into an output named like a property every object has", () => {
    // chat_llm becomes "constructor" and output "toString": names users may choose.
    const hostile = withHostileNames(
      loadFlow("chat-with-memory"),
      ["constructor", "toString"],
      ["__proto__"],
    );
    const named = outputStreams(hostile.flow);
    let view = applyRunEvent(sending(), event.started(), named);
    view = applyRunEvent(view, event.token("constructor", "Hel"), named);
    view = applyRunEvent(view, event.token("constructor", "lo"), named);
    const outputs = view.turns.at(-1)?.outputs ?? {};
    expect(Object.entries(outputs)).toEqual([["toString", "Hello"]]);
  });

  it("ignores tokens of a node no output streams, and events the chat does not show", () => {
    const view = sending();
    expect(applyRunEvent(view, event.token("input", "x"), streams)).toBe(view);
    const nodeStarted: RunEvent = { type: "node-started", runId: R2, nodeId: nodeId("x"), at: 2 };
    expect(applyRunEvent(view, nodeStarted, streams)).toBe(view);
  });

  it("makes the finished run the head and redraws the branch with its alternatives", () => {
    // A regeneration of the first message: a sibling of r1.
    const regenerated = testRun("r2", { input: "Hi", outputs: { output: "Hey" } });
    const view: ChatView = { runs: [first], headRunId: R1, turns: [pendingTurn("Hi", null)] };
    const finished: RunEvent = { type: "run-finished", runId: R2, snapshot: regenerated };
    const next = applyRunEvent(view, finished, streams);
    expect(next.headRunId).toBe(R2);
    expect(next.runs.map((r) => r.id)).toEqual([R1, R2]);
    expect(next.turns).toHaveLength(1);
    expect(next.turns[0]).toMatchObject({
      runId: R2,
      status: "ok",
      outputs: { output: "Hey" },
      branch: { index: 1, count: 2, siblings: [R1, R2] },
    });
  });

  it("marks the message in progress failed, with the reason", () => {
    const turns = failLastTurn(sending().turns, { kind: "internal", message: "Boom" });
    expect(turns.at(-1)).toMatchObject({ status: "error", error: { message: "Boom" } });
    expect(turns[0]?.status).toBe("ok");
  });

  it("shows a rate-limit wait on the message in progress, until the retry answers", () => {
    const retrying: RunEvent = {
      type: "call-retrying",
      runId: R2,
      nodeId: nodeId("chat_llm"),
      attempt: 1,
      until: 13_000,
      providerLabel: "OpenAI",
    };
    let view = applyRunEvent(sending(), event.started(), streams);
    view = applyRunEvent(view, retrying, streams);
    expect(view.turns.at(-1)?.retrying).toEqual({
      nodeId: nodeId("chat_llm"),
      attempt: 1,
      until: 13_000,
      providerLabel: "OpenAI",
    });
    expect(view.turns[0]?.retrying).toBeUndefined();
    // Another node's tokens do not end this node's wait; its own first token does.
    expect(
      applyRunEvent(view, event.token("input", "x"), streams).turns.at(-1)?.retrying,
    ).toBeDefined();
    const answered = applyRunEvent(view, event.token("chat_llm", "Hi"), streams);
    expect(answered.turns.at(-1)?.retrying).toBeUndefined();
    expect(answered.turns.at(-1)?.outputs).toEqual({ output: "Hi" });
  });

  it("drops the countdown when the waiting call fails (the wait was cancelled or used up)", () => {
    const retrying: RunEvent = {
      type: "call-retrying",
      runId: R2,
      nodeId: nodeId("chat_llm"),
      attempt: 2,
      until: 5_000,
      providerLabel: "Anthropic",
    };
    const failedRun = testRun("r2", { parent: "r1", status: "error" });
    const view = applyRunEvent(sending(), retrying, streams);
    const failed: RunEvent = {
      type: "node-failed",
      runId: R2,
      nodeId: nodeId("chat_llm"),
      error: { kind: "rate-limit", message: "429" },
      record: { nodeId: nodeId("chat_llm"), type: "llm", status: "error" },
    };
    const after = applyRunEvent(view, failed, streams);
    expect(after.turns.at(-1)?.retrying).toBeUndefined();
    expect(after.turns.at(-1)?.status).toBe("running");
    const finished = applyRunEvent(
      after,
      { type: "run-finished", runId: R2, snapshot: failedRun },
      streams,
    );
    expect(finished.turns.at(-1)?.retrying).toBeUndefined();
  });

  it("names the node whose call failed, for the missing model's Model field", () => {
    const failedRun = testRun("r2", {
      parent: "r1",
      status: "error",
      error: { kind: "model-not-found", message: 'The model "gpt-5x" does not exist' },
      nodes: [
        { nodeId: nodeId("input"), type: "input", status: "ok" },
        { nodeId: nodeId("chat_llm"), type: "llm", status: "error" },
        { nodeId: nodeId("output"), type: "output", status: "skipped" },
      ],
    });
    const view = applyRunEvent(
      sending(),
      { type: "run-finished", runId: R2, snapshot: failedRun },
      streams,
    );
    expect(view.turns.at(-1)).toMatchObject({ status: "error", failedNodeId: nodeId("chat_llm") });
    expect(view.turns[0]?.failedNodeId).toBeUndefined();
  });
});
