import type { Flow, NodeKind } from "../engine/flow";
import { compareIds } from "../engine/graph";
import { memoryScope } from "../engine/memoryScope";
import { nodeMemoryId } from "../engine/memorySettings";
import { summarySettings } from "../engine/memorySummary";
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
  /**
   * Each memory id with the LLM nodes using it (in file order), sorted by memory id, and what
   * kind of memory it is beyond a window of messages, in words ("shared by every conversation",
   * "token budget 2,000", "summary by gpt-4o-mini"); absent when none.
   */
  memories: { memoryId: string; nodeIds: string[]; kinds?: string[] }[];
  /** The providers the LLM nodes use, sorted: the keys the user will need. */
  providers: string[];
}

export function flowFileSummary(flow: Flow): FlowFileSummary {
  const nodesByType = Object.fromEntries(Object.keys(NODE_KINDS).map((k) => [k, 0])) as Record<
    NodeKind,
    number
  >;
  const memories = new Map<string, string[]>();
  const kinds = new Map<string, Set<string>>();
  const providers = new Set<string>();
  for (const node of flow.nodes) {
    if (Object.hasOwn(nodesByType, node.type)) nodesByType[node.type]++;
    if (node.type !== "llm") continue;
    providers.add(node.config.provider);
    const memoryId = nodeMemoryId(node);
    const summarizer = summarySettings(node.config);
    // A summarizer of another provider needs that provider's key too.
    if (summarizer) providers.add(summarizer.provider);
    if (memoryId !== null) {
      memories.set(memoryId, [...(memories.get(memoryId) ?? []), node.id]);
      const said = kinds.get(memoryId) ?? new Set<string>();
      if (memoryScope(flow, memoryId) === "flow") said.add("shared by every conversation");
      const budget = node.config.memoryWindowTokens;
      if (typeof budget === "number") said.add(`token budget ${budget.toLocaleString("en")}`);
      if (summarizer) said.add(`summary by ${summarizer.model}`);
      kinds.set(memoryId, said);
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
      .map(([memoryId, nodeIds]) => {
        const said = [...(kinds.get(memoryId) ?? [])];
        return { memoryId, nodeIds, ...(said.length > 0 && { kinds: said }) };
      }),
    providers: [...providers].sort(compareIds),
  };
}
