import type { Flow } from "./flow";
import { FLOW_SCHEMA, FLOW_VERSION } from "./flow";
import { nodeId } from "./ids";

/**
 * What a first-time visitor lands on: the seed's `add_llm(id="chat_llm", memory_id="chat_llm")`
 * on the offline echo provider, so memory can be seen working before any key is entered.
 */
export function chatWithMemoryFlow(): Flow {
  return {
    schema: FLOW_SCHEMA,
    version: FLOW_VERSION,
    name: "Chat with memory",
    nodes: [
      { id: nodeId("input"), type: "input", position: { x: 0, y: 0 } },
      {
        id: nodeId("chat_llm"),
        type: "llm",
        position: { x: 280, y: 0 },
        config: {
          provider: "echo",
          model: "echo",
          systemPrompt: "You are a helpful assistant.",
          prompt: "{{input}}",
          memoryId: "chat_llm",
          memoryWindowSize: null,
        },
      },
      {
        id: nodeId("output"),
        type: "output",
        position: { x: 560, y: 0 },
        config: { value: "{{chat_llm}}" },
      },
    ],
    edges: [
      { source: nodeId("input"), target: nodeId("chat_llm") },
      { source: nodeId("chat_llm"), target: nodeId("output") },
    ],
  };
}
