import { describe, expect, it } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import { withHostileNames } from "../../test/helpers/hostileNames";
import type { RunEvent } from "../engine/events";
import { conversationId, nodeId, runId } from "../engine/ids";
import { testRun } from "../storage/storageTestSupport";
import {
  applyRunEvent,
  type ChatView,
  failLastTurn,
  outputStreams,
  pendingTurn,
  turnsOf,
} from "./applyRunEvent";

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
});
