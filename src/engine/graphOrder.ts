import { compareIds, type Graph } from "./graph";
import type { NodeId } from "./ids";

/*
 * Orders and cycles of a flow's graph (graph.ts): for runs, validation and exports, which load
 * after the first page; editing needs only graph.ts.
 */

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
