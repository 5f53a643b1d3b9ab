import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Flow, FlowNode } from "../engine/flow";
import { nodeId } from "../engine/ids";
import { withMemoryScope } from "../engine/memoryScope";
import { STARTER_FLOWS } from "../engine/starterFlows";
import { exportTimbalAgent } from "./exportTimbalAgent";
import {
  CONVERSATION,
  engineTurns,
  PYTHON_FIXTURES,
  runInStub,
  traced,
} from "./testSupport/timbalRoundTrip";

/*
 * The export for Timbal 1.x (an Agent per LLM): flows it can express run turn after turn in a
 * stub of Timbal 1.x's Agent (test/fixtures/python/timbal1_stub) and receive exactly what the
 * app's engine sends; flows it cannot express are refused with every reason. Golden file:
 * test/fixtures/python/agent/<name>.py (UPDATE_GOLDEN=1 rewrites it).
 */

const UPDATE = process.env.UPDATE_GOLDEN === "1";

/** A starter flow on a real provider (the app's echo has no Timbal equivalent). */
const onOpenAi = (flow: Flow): Flow => traced(flow, { provider: "openai" });

const node = (id: string, type: "input" | "output" | "template", config = {}): FlowNode =>
  ({ id: nodeId(id), type, position: { x: 0, y: 0 }, config }) as FlowNode;

/** input -> template -> llm -> output, with the chat message used again downstream. */
function wrapped(llmConfig: Record<string, unknown>): Flow {
  return {
    schema: "llm-flow-studio/flow",
    version: 3,
    name: "Wrapped",
    nodes: [
      node("input", "input"),
      node("question", "template", { template: "Q: {{ input }}" }),
      {
        id: nodeId("answerer"),
        type: "llm",
        position: { x: 0, y: 0 },
        config: { provider: "openai", model: "answerer", prompt: "{{question}}!", ...llmConfig },
      },
      node("output", "output", { value: "{{answerer}} (you said {{input}})" }),
    ],
    edges: [
      { source: nodeId("input"), target: nodeId("question") },
      { source: nodeId("question"), target: nodeId("answerer") },
      { source: nodeId("answerer"), target: nodeId("output") },
      { source: nodeId("input"), target: nodeId("output") },
    ],
  };
}

function source(flow: Flow): string {
  const result = exportTimbalAgent(flow);
  if (!result.ok) throw new Error(result.reasons.join("\n"));
  return result.source;
}

describe("exportTimbalAgent", () => {
  it("chat-with-memory.py golden file", () => {
    const path = join(PYTHON_FIXTURES, "agent", "chat-with-memory.py");
    const text = source(onOpenAi(STARTER_FLOWS.chatWithMemory.build()));
    if (UPDATE) writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, "utf8"));
  });

  it("flows it can express remember in Timbal 1.x exactly as in the app, turn after turn", async () => {
    const flows = [
      onOpenAi(STARTER_FLOWS.chatWithMemory.build()),
      onOpenAi(STARTER_FLOWS.chatWithoutMemory.build()),
      wrapped({ memoryId: "answerer", systemPrompt: "Be brief." }),
      wrapped({ memoryId: "elsewhere" }),
      wrapped({}),
      // Claude needs max_tokens in Timbal; a base URL goes to Timbal's OpenAI client.
      wrapped({ provider: "anthropic", memoryId: "answerer" }),
      wrapped({ provider: "openai-compatible", baseUrl: "http://127.0.0.1:11434/v1" }),
    ];
    const sources = flows.map(source);
    const results = runInStub(
      "timbal1_stub",
      sources.map((s) => ({ source: s, turns: CONVERSATION })),
    );
    for (const [i, flow] of flows.entries()) {
      expect(results[i], sources[i]).toEqual(await engineTurns(flow, CONVERSATION));
    }
  });

  it("says what it does with settings Timbal's Agent takes differently", () => {
    const claude = source(wrapped({ provider: "anthropic" }));
    expect(claude).toMatch(
      /model_params=\{"max_tokens": 4096\},\s+# NOTE: Timbal requires max_tokens for Claude: 4096 here/,
    );
    const local = source(
      wrapped({
        provider: "openai-compatible",
        baseUrl: "http://127.0.0.1:11434/v1",
        temperature: 0.2,
      }),
    );
    expect(local).toContain('model="openai/answerer",');
    expect(local).toMatch(
      /model_params=\{"base_url": "http:\/\/127\.0\.0\.1:11434\/v1"\},\s+# NOTE: temperature 0\.2 is not passed/,
    );
  });

  it("notes a memory shared by every conversation of the flow, which an Agent cannot share", () => {
    const shared = withMemoryScope(wrapped({ memoryId: "profile" }), "profile", "flow");
    expect(source(shared)).toContain(
      '# NOTE: memory "profile" is shared by every conversation of this flow in the app (scope "flow"): Timbal has no such scope, and a conversation that starts without a parent run starts it empty.',
    );
    expect(source(wrapped({ memoryId: "profile" }))).not.toContain("scope");
  });

  it("refuses what an Agent cannot express, with every reason, instead of exporting it differently", () => {
    const refused = (flow: Flow) => {
      const result = exportTimbalAgent(flow);
      return result.ok ? [] : result.reasons;
    };
    expect(refused(STARTER_FLOWS.chatWithMemory.build())).toEqual([
      'LLM "chat_llm" uses the "echo" provider, the app\'s offline test model: Timbal has no equivalent; choose OpenAI, Anthropic, Google or an OpenAI-compatible server.',
    ]);
    expect(refused(wrapped({ memoryId: "answerer", memoryWindowSize: 5 }))).toEqual([
      'LLM "answerer" has a memory window of 5: a Timbal Agent always sees its whole conversation.',
    ]);
    expect(refused(wrapped({ memoryId: "answerer", memoryMode: "write-only" }))).toEqual([
      'LLM "answerer" has memory mode "write-only": a Timbal Agent has no such mode.',
    ]);
    const shared = refused(onOpenAi(STARTER_FLOWS.sharedMemory.build()));
    expect(shared).toEqual([
      expect.stringMatching(
        /^The flow has 2 LLMs \(llm1, llm2\): passing one agent's reply to another takes Timbal's Workflow/,
      ),
    ]);
    expect(
      refused({ ...wrapped({}), nodes: wrapped({}).nodes.filter((n) => n.type !== "llm") }),
    ).toContain("The flow has no LLM: there is no agent to export.");
  });
});
