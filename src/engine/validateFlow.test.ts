import { describe, expect, it } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import type { Flow, FlowNode, LlmConfig } from "./flow";
import { nodeId } from "./ids";
import { validateFlow } from "./validateFlow";

const errors = (flow: Flow) => validateFlow(flow).filter((p) => p.severity === "error");
const base = () => loadFlow("chat-with-memory");
const llmOf = (flow: Flow) =>
  flow.nodes.find((n) => n.id === "chat_llm") as Extract<FlowNode, { type: "llm" }>;
const withLlm = (config: Partial<LlmConfig>) => {
  const flow = base();
  Object.assign(llmOf(flow).config, config);
  return flow;
};

describe("validateFlow", () => {
  it("accepts every fixture flow", () => {
    for (const name of [
      "chat-without-memory",
      "chat-with-memory",
      "memory-window-5",
      "window-0",
      "shared-memory-sequence",
      "shared-memory-parallel",
    ]) {
      expect(errors(loadFlow(name)), name).toEqual([]);
    }
  });

  it("names a duplicate id and an invalid id", () => {
    const flow = base();
    flow.nodes.push({ ...llmOf(flow) }, { ...llmOf(flow), id: nodeId("9lives") });
    const messages = errors(flow).map((p) => p.message);
    expect(messages).toContain('Two nodes have the id "chat_llm": ids must be unique.');
    expect(messages.some((m) => m.startsWith('Node id "9lives" is not valid'))).toBe(true);
  });

  it("finds a cycle and names its path", () => {
    const flow = loadFlow("shared-memory-sequence");
    flow.edges.push({ source: nodeId("llm2"), target: nodeId("llm1") });
    const [problem] = errors(flow);
    expect(problem?.message).toBe(
      "The connections form a cycle: llm1 → llm2 → llm1. A flow must run from input to output.",
    );
  });

  it("refuses a self-connection and an edge to a missing node", () => {
    const flow = base();
    flow.edges.push(
      { source: nodeId("chat_llm"), target: nodeId("chat_llm") },
      { source: nodeId("chat_llm"), target: nodeId("ghost") },
    );
    const messages = errors(flow).map((p) => p.message);
    expect(messages).toContain('Node "chat_llm" is connected to itself.');
    expect(messages).toContain(
      'A connection chat_llm → ghost points to "ghost", which is not a node of this flow.',
    );
  });

  it("refuses a template reference to a node that is missing or not upstream", () => {
    const flow = loadFlow("shared-memory-parallel");
    const a = flow.nodes.find((n) => n.id === "llm_a");
    if (a?.type === "llm") a.config.prompt = "{{llm_b}} and {{nobody}}";
    const messages = errors(flow).map((p) => [p.nodeId, p.field, p.message]);
    expect(messages).toEqual([
      [
        "llm_a",
        "prompt",
        'LLM "llm_a" uses {{llm_b}}, but "llm_b" is not upstream of it: connect llm_b to it, directly or through other nodes.',
      ],
      ["llm_a", "prompt", 'LLM "llm_a" uses {{nobody}}, but there is no node "nobody".'],
    ]);
  });

  it("accepts a reference to an indirect ancestor", () => {
    const flow = loadFlow("shared-memory-sequence");
    const out = flow.nodes.find((n) => n.id === "output");
    if (out?.type === "output") out.config.value = "{{llm1}} / {{llm2}} / {{input}}";
    expect(errors(flow)).toEqual([]);
  });

  it("asks for a template where a node has several inputs and none", () => {
    const flow = loadFlow("shared-memory-parallel");
    const out = flow.nodes.find((n) => n.id === "output");
    if (out?.type === "output") out.config.value = "";
    expect(errors(flow).map((p) => p.message)).toEqual([
      'Output "output" has 2 inputs (llm_a, llm_b): write its value to say how to combine them, e.g. {{llm_a}}.',
    ]);
  });

  it("checks an LLM's model, base URL, window, temperature and memory id", () => {
    expect(errors(withLlm({ model: " " }))[0]?.field).toBe("model");
    expect(
      errors(withLlm({ provider: "openai-compatible", baseUrl: undefined }))[0]?.message,
    ).toContain("has no base URL");
    expect(errors(withLlm({ baseUrl: "ftp://x" }))[0]?.field).toBe("baseUrl");
    expect(errors(withLlm({ memoryWindowSize: -1 }))[0]?.message).toBe(
      'LLM "chat_llm": memory window size must be a whole number ≥ 0, or empty for all messages (got -1).',
    );
    expect(errors(withLlm({ memoryWindowSize: 2.5 }))).toHaveLength(1);
    expect(errors(withLlm({ memoryWindowSize: null }))).toEqual([]);
    expect(errors(withLlm({ memoryWindowSize: 0 }))).toEqual([]);
    expect(errors(withLlm({ temperature: 3 }))[0]?.field).toBe("temperature");
    expect(errors(withLlm({ memoryId: "has space" }))[0]?.field).toBe("memoryId");
    expect(errors(withLlm({ memoryMode: "sometimes" as never }))[0]?.field).toBe("memoryMode");
  });

  it("needs an output node, and keeps `input` for the chat message", () => {
    const flow = base();
    flow.nodes = flow.nodes.filter((n) => n.type !== "output");
    flow.edges = flow.edges.filter((e) => e.target !== "output");
    expect(errors(flow).map((p) => p.message)).toEqual([
      "The flow has no output node, so a run would show nothing: add an Output node.",
    ]);
    const renamed = loadFlow("shared-memory-sequence");
    const llm1 = renamed.nodes.find((n) => n.id === "llm1");
    if (llm1) llm1.id = nodeId("input");
    expect(errors(renamed).some((p) => p.message.includes('"input" is reserved'))).toBe(true);
  });

  it("warns, without blocking, when nodes share a memory with different windows or system prompts", () => {
    const flow = loadFlow("shared-memory-sequence");
    const llm2 = flow.nodes.find((n) => n.id === "llm2");
    if (llm2?.type === "llm")
      Object.assign(llm2.config, { memoryWindowSize: 5, systemPrompt: "Summarize." });
    const problems = validateFlow(flow);
    expect(problems.every((p) => p.severity === "warning")).toBe(true);
    expect(problems.map((p) => p.message)).toEqual([
      'llm1, llm2 share memory "shared_memory" with different window sizes (llm1: all, llm2: 5); is that intended?',
      'llm1, llm2 share memory "shared_memory" with different system prompts; each sees the other\'s replies as its own.',
    ]);
  });
});

describe("shared-memory warnings", () => {
  it("name the memory they are about, so the legend can list them under it", () => {
    const flow = loadFlow("shared-memory-sequence");
    const llm2 = flow.nodes.find((n) => n.id === "llm2");
    if (llm2?.type === "llm") llm2.config.memoryWindowSize = 5;
    expect(validateFlow(flow).map((p) => [p.memoryId, p.field])).toEqual([
      ["shared_memory", "memoryWindowSize"],
    ]);
  });
});

describe("connections a node's kind cannot have", () => {
  it("refuses a connection out of an Output node, naming it, also in a flow read from a file", () => {
    const flow = loadFlow("chat-with-memory");
    const bad = {
      ...flow,
      edges: [...flow.edges, { source: nodeId("output"), target: nodeId("chat_llm") }],
    };
    const problems = validateFlow(bad).filter((p) => p.severity === "error");
    expect(problems).toContainEqual({
      severity: "error",
      nodeId: "output",
      message:
        '"output" is an output node: it shows a result in the chat and connects to nothing: remove the connection output → chat_llm.',
    });
  });
});
