import type { Flow, MemoryMode } from "./flow";
import type { NodeId } from "./ids";
import { nodeMemory } from "./memorySettings";

export interface MemoryUser {
  nodeId: NodeId;
  mode: MemoryMode;
  windowSize: number | null;
  windowTokens: number | null;
}

/** Each memory id of the flow with the LLM nodes that use it, in flow order: who shares what. */
export function memoryUsage(flow: Pick<Flow, "nodes">): Map<string, MemoryUser[]> {
  const usage = new Map<string, MemoryUser[]>();
  for (const node of flow.nodes) {
    const { memoryId, mode, windowSize, windowTokens } = nodeMemory(node);
    if (memoryId === null) continue;
    const users = usage.get(memoryId) ?? [];
    users.push({ nodeId: node.id, mode, windowSize, windowTokens });
    usage.set(memoryId, users);
  }
  return usage;
}
