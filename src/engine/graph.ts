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

/**
 * Topological order, ties broken by node id (docs/memory.md, "Sharing", fixes this order for nodes
 * that share a memory). Nodes on or behind a cycle are left out; `findCycle` names them.
 * The ready nodes wait in a heap, so a node with 50,000 successors costs n log n, not n².
 */
export function topologicalOrder(graph: Graph): NodeId[] {
  const remaining = new Map(graph.ids.map((id) => [id, graph.upstream.get(id)?.length ?? 0]));
  const ready = new IdHeap(graph.ids.filter((id) => remaining.get(id) === 0));
  const order: NodeId[] = [];
  for (let id = ready.pop(); id !== undefined; id = ready.pop()) {
    order.push(id);
    for (const next of graph.downstream.get(id) ?? []) {
      const left = (remaining.get(next) ?? 0) - 1;
      remaining.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  return order;
}

/** A min-heap of ids in `compareIds` order. */
class IdHeap {
  private readonly items: NodeId[] = [];

  constructor(initial: NodeId[]) {
    for (const id of initial) this.push(id);
  }

  push(id: NodeId) {
    const items = this.items;
    items.push(id);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (compareIds(items[parent] as NodeId, id) <= 0) break;
      items[at] = items[parent] as NodeId;
      at = parent;
    }
    items[at] = id;
  }

  pop(): NodeId | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let at = 0;
    for (;;) {
      const left = at * 2 + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child =
        right < items.length && compareIds(items[right] as NodeId, items[left] as NodeId) < 0
          ? right
          : left;
      if (compareIds(last, items[child] as NodeId) <= 0) break;
      items[at] = items[child] as NodeId;
      at = child;
    }
    items[at] = last;
    return top;
  }
}

/**
 * One cycle as a path that starts and ends at the same node, or null if there is none.
 * Depth-first with an explicit stack: a 50,000-node chain would overflow the call stack.
 */
export function findCycle(graph: Graph): NodeId[] | null {
  const onCycle = nodesOnOrBehindCycles(graph);
  if (onCycle.length === 0) return null;
  const state = new Map<NodeId, "active" | "done">();
  for (const root of onCycle.sort(compareIds)) {
    if (state.has(root)) continue;
    // The path from the root, each with the index of the next successor to look at.
    const path: NodeId[] = [root];
    const nextChild: number[] = [0];
    state.set(root, "active");
    while (path.length > 0) {
      const top = path.length - 1;
      const id = path[top] as NodeId;
      const successors = graph.downstream.get(id) ?? [];
      const index = nextChild[top] as number;
      if (index >= successors.length) {
        state.set(id, "done");
        path.pop();
        nextChild.pop();
        continue;
      }
      nextChild[top] = index + 1;
      const next = successors[index] as NodeId;
      if (state.get(next) === "active") return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        state.set(next, "active");
        path.push(next);
        nextChild.push(0);
      }
    }
  }
  return null;
}

/**
 * The nodes a topological sort cannot place: none when the graph has no cycle. O(n + e) with
 * a plain queue, so the usual case (no cycle) costs no sort and no search.
 */
function nodesOnOrBehindCycles(graph: Graph): NodeId[] {
  const remaining = new Map<NodeId, number>();
  const queue: NodeId[] = [];
  for (const id of graph.ids) {
    const count = graph.upstream.get(id)?.length ?? 0;
    remaining.set(id, count);
    if (count === 0) queue.push(id);
  }
  for (let i = 0; i < queue.length; i++) {
    for (const next of graph.downstream.get(queue[i] as NodeId) ?? []) {
      const left = (remaining.get(next) ?? 0) - 1;
      remaining.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  if (queue.length === remaining.size) return [];
  return [...remaining].filter(([, left]) => left > 0).map(([id]) => id);
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
