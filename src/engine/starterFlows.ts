import type { Flow, FlowEdge, FlowNode, LlmConfig } from "./flow";
import { FLOW_SCHEMA, FLOW_VERSION } from "./flow";
import { nodeId } from "./ids";

const SYSTEM = "You are a helpful assistant.";

const input = (): FlowNode => ({ id: nodeId("input"), type: "input", position: { x: 0, y: 80 } });
const llm = (id: string, x: number, y: number, config: Partial<LlmConfig> = {}): FlowNode => ({
  id: nodeId(id),
  type: "llm",
  position: { x, y },
  config: { provider: "echo", model: "echo", systemPrompt: SYSTEM, prompt: "{{input}}", ...config },
});
const output = (value: string, x: number, y = 80): FlowNode => ({
  id: nodeId("output"),
  type: "output",
  position: { x, y },
  config: { value },
});
const edges = (...pairs: [string, string][]): FlowEdge[] =>
  pairs.map(([source, target]) => ({ source: nodeId(source), target: nodeId(target) }));
const flow = (name: string, nodes: FlowNode[], links: FlowEdge[]): Flow => ({
  schema: FLOW_SCHEMA,
  version: FLOW_VERSION,
  name,
  nodes,
  edges: links,
});

/** One LLM between input and output: the seed's `Flow().add_llm(id="chat_llm", ...)`. */
const chat = (name: string, config: Partial<LlmConfig>) =>
  flow(
    name,
    [input(), llm("chat_llm", 300, 60, config), output("{{chat_llm}}", 640)],
    edges(["input", "chat_llm"], ["chat_llm", "output"]),
  );

/**
 * Flows to start from, one per idea of the seed document (memory-in-llms.md). All run on the
 * offline echo provider, so each can be tried before entering any key.
 */
export const STARTER_FLOWS = {
  chatWithMemory: {
    name: "Chat with memory",
    description: "memory_id = chat_llm: the model sees the whole conversation.",
    build: () => chat("Chat with memory", { memoryId: "chat_llm" }),
  },
  chatWithoutMemory: {
    name: "Chat without memory",
    description: "No memory_id: every message is the first one the model sees.",
    build: () => chat("Chat without memory", {}),
  },
  memoryWindow5: {
    name: "Memory window of 5",
    description: "The model sees the last 5 messages before your prompt.",
    build: () => chat("Memory window of 5", { memoryId: "chat_llm", memoryWindowSize: 5 }),
  },
  window0: {
    name: "Window 0",
    description: "Memory is recorded, but a window of 0 shows the model none of it.",
    build: () => chat("Window 0", { memoryId: "chat_llm", memoryWindowSize: 0 }),
  },
  sharedMemory: {
    name: "Two LLMs sharing one memory",
    description: "llm1 answers, llm2 summarizes; both read and write shared_memory.",
    build: () =>
      flow(
        "Two LLMs sharing one memory",
        [
          input(),
          llm("llm1", 300, 60, { memoryId: "shared_memory" }),
          llm("llm2", 620, 60, { memoryId: "shared_memory", prompt: "Summarize: {{llm1}}" }),
          output("{{llm2}}", 960),
        ],
        edges(["input", "llm1"], ["llm1", "llm2"], ["llm2", "output"]),
      ),
  },
  summarizeThenAnswer: {
    name: "Summarize, then answer",
    description: "A summarizer with its own memory feeds a template, then the answering LLM.",
    build: () =>
      flow(
        "Summarize, then answer",
        [
          input(),
          llm("summarizer", 300, 0, {
            memoryId: "summarizer",
            systemPrompt: "Summarize the conversation so far in one paragraph.",
          }),
          {
            id: nodeId("brief"),
            type: "template",
            position: { x: 620, y: 80 },
            config: { template: "Conversation so far: {{summarizer}}\n\nQuestion: {{input}}" },
          },
          llm("answer", 920, 60, { prompt: "{{brief}}" }),
          output("{{answer}}", 1240),
        ],
        edges(
          ["input", "summarizer"],
          ["input", "brief"],
          ["summarizer", "brief"],
          ["brief", "answer"],
          ["answer", "output"],
        ),
      ),
  },
} as const satisfies Record<string, { name: string; description: string; build: () => Flow }>;

/** Nothing on the canvas: the empty canvas says how to begin. Not a memory example. */
const BLANK_FLOW = {
  name: "Blank flow",
  description: "An empty canvas: drag nodes in from the palette.",
  build: () => flow("Untitled flow", [], []),
};

/** What the Flows menu's New flow offers: a blank canvas first, then the starter flows. */
export const FLOW_TEMPLATES = { blank: BLANK_FLOW, ...STARTER_FLOWS };

export type FlowTemplateId = keyof typeof FLOW_TEMPLATES;
