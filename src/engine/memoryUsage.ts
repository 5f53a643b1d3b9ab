import type { Flow, MemoryMode } from "./flow";
import type { NodeId } from "./ids";

export interface MemoryUser {
  nodeId: NodeId;
  mode: MemoryMode;
  windowSize: number | null;
}

/** Each memory id of the flow with the LLM nodes that use it, in flow order: who shares what. */
export function memoryUsage(flow: Pick<Flow, "nodes">): Map<string, MemoryUser[]> {
  const usage = new Map<string, MemoryUser[]>();
  for (const node of flow.nodes) {
    if (node.type !== "llm") continue;
    const id = node.config.memoryId;
    if (typeof id !== "string" || id === "") continue;
    const users = usage.get(id) ?? [];
    users.push({
      nodeId: node.id,
      mode: node.config.memoryMode ?? "read-write",
      windowSize: node.config.memoryWindowSize ?? null,
    });
    usage.set(id, users);
  }
  return usage;
}
