import type { Flow } from "./flow";
import type { NodeId } from "./ids";

export interface Graph {
  ids: NodeId[];
  /** Direct upstream nodes, in edge order; edges to unknown nodes are left out. */
  upstream: Map<NodeId, NodeId[]>;
  downstream: Map<NodeId, NodeId[]>;
}

export function buildGraph(flow: Pick<Flow, "nodes" | "edges">): Graph {
  const ids = flow.nodes.map((n) => n.id);
  // Filled in a loop, without a [key, value] pair per node: this runs on every change of a
  // 50,000-node flow's structure.
  const upstream = new Map<NodeId, NodeId[]>();
  const downstream = new Map<NodeId, NodeId[]>();
  for (const id of ids) {
    upstream.set(id, []);
    downstream.set(id, []);
  }
  for (const { source, target } of flow.edges) {
    const ups = upstream.get(target);
    const downs = downstream.get(source);
    if (!ups || !downs || ups.includes(source)) continue;
    ups.push(source);
    downs.push(target);
  }
  return { ids, upstream, downstream };
}

/** Plain code-unit order, the same in every locale, so a tie never depends on the browser. */
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every node from which `id` can be reached. */
export function ancestors(graph: Graph, id: NodeId): Set<NodeId> {
  const seen = new Set<NodeId>();
  const todo = [...(graph.upstream.get(id) ?? [])];
  while (todo.length > 0) {
    const next = todo.pop() as NodeId;
    if (seen.has(next)) continue;
    seen.add(next);
    todo.push(...(graph.upstream.get(next) ?? []));
  }
  return seen;
}

/**
 * Whether `ancestor` leads to `id`. Searches upwards and stops when found: a template most
 * often names a direct input, so this is O(1) there instead of the O(n) of `ancestors`, which
 * kept validation O(n^2) on long chains.
 */
export function isUpstream(graph: Graph, ancestor: NodeId, id: NodeId): boolean {
  const seen = new Set<NodeId>();
  const todo = [...(graph.upstream.get(id) ?? [])];
  while (todo.length > 0) {
    const next = todo.pop() as NodeId;
    if (next === ancestor) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    todo.push(...(graph.upstream.get(next) ?? []));
  }
  return false;
}
