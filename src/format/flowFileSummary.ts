import type { Flow, NodeKind } from "../engine/flow";
import { compareIds } from "../engine/graph";
import { nodeMemoryId } from "../engine/memorySettings";
import { NODE_KINDS } from "../engine/nodeKinds";

/** What the import preview shows before the user says yes. */
export interface FlowFileSummary {
  name: string;
  nodeCount: number;
  edgeCount: number;
  /** Sticky notes on the canvas (version 3). */
  noteCount: number;
  /** How many nodes of each kind, every kind present (0 when none). */
  nodesByType: Record<NodeKind, number>;
  /** Each memory id with the LLM nodes using it (in file order), sorted by memory id. */
  memories: { memoryId: string; nodeIds: string[] }[];
  /** The providers the LLM nodes use, sorted: the keys the user will need. */
  providers: string[];
}

export function flowFileSummary(flow: Flow): FlowFileSummary {
  const nodesByType = Object.fromEntries(Object.keys(NODE_KINDS).map((k) => [k, 0])) as Record<
    NodeKind,
    number
  >;
  const memories = new Map<string, string[]>();
  const providers = new Set<string>();
  for (const node of flow.nodes) {
    if (Object.hasOwn(nodesByType, node.type)) nodesByType[node.type]++;
    if (node.type !== "llm") continue;
    providers.add(node.config.provider);
    const memoryId = nodeMemoryId(node);
    if (memoryId !== null) {
      memories.set(memoryId, [...(memories.get(memoryId) ?? []), node.id]);
    }
  }
  return {
    name: flow.name,
    nodeCount: flow.nodes.length,
    edgeCount: flow.edges.length,
    noteCount: flow.notes?.length ?? 0,
    nodesByType,
    memories: [...memories.entries()]
      .sort(([a], [b]) => compareIds(a, b))
      .map(([memoryId, nodeIds]) => ({ memoryId, nodeIds })),
    providers: [...providers].sort(compareIds),
  };
}
