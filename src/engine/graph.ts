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
  const upstream = new Map<NodeId, NodeId[]>(ids.map((id) => [id, []]));
  const downstream = new Map<NodeId, NodeId[]>(ids.map((id) => [id, []]));
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

/**
 * Topological order, ties broken by node id (docs/memory.md, "Sharing", fixes this order for nodes
 * that share a memory). Nodes on or behind a cycle are left out; `findCycle` names them.
 */
export function topologicalOrder(graph: Graph): NodeId[] {
  const remaining = new Map(graph.ids.map((id) => [id, graph.upstream.get(id)?.length ?? 0]));
  const ready = graph.ids.filter((id) => remaining.get(id) === 0).sort(compareIds);
  const order: NodeId[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as NodeId;
    order.push(id);
    for (const next of graph.downstream.get(id) ?? []) {
      const left = (remaining.get(next) ?? 0) - 1;
      remaining.set(next, left);
      if (left === 0) {
        // Flows are small; a sorted insert keeps the tie-break obvious.
        const at = ready.findIndex((r) => compareIds(next, r) < 0);
        ready.splice(at === -1 ? ready.length : at, 0, next);
      }
    }
  }
  return order;
}

/** One cycle as a path that starts and ends at the same node, or null if there is none. */
export function findCycle(graph: Graph): NodeId[] | null {
  const state = new Map<NodeId, "active" | "done">();
  const stack: NodeId[] = [];
  const visit = (id: NodeId): NodeId[] | null => {
    state.set(id, "active");
    stack.push(id);
    for (const next of graph.downstream.get(id) ?? []) {
      if (state.get(next) === "active") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, "done");
    return null;
  };
  for (const id of [...graph.ids].sort(compareIds)) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return null;
}

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
