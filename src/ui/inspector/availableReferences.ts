import type { Flow } from "../../engine/flow";
import { buildGraph, type Graph } from "../../engine/graph";
import type { NodeId } from "../../engine/ids";
import { INPUT_REFERENCE } from "../../engine/template";

/** At most this many nodes are offered: a chain of 50,000 would draw 50,000 buttons. */
export const MAX_REFERENCES = 60;

/**
 * What a node's template may reference: the chat message and the nodes upstream of it, in
 * flow order; past MAX_REFERENCES, the nearest ones (any other can still be typed). Downstream
 * nodes have no value yet when it runs, so they are never offered (nor the node itself, which
 * a cycle would make its own ancestor).
 */
export function availableReferences(flow: Pick<Flow, "nodes" | "edges">, id: NodeId): string[] {
  const graph = buildGraph(flow);
  const upstream = nearestUpstream(graph, id, MAX_REFERENCES + 1);
  const ids = flow.nodes
    .filter((n) => upstream.has(n.id) && n.id !== id && n.id !== INPUT_REFERENCE)
    .map((n) => n.id as string);
  return [INPUT_REFERENCE, ...ids];
}

/** Up to `limit` nodes upstream of `id`, nearest first (breadth-first). */
function nearestUpstream(graph: Graph, id: NodeId, limit: number): Set<NodeId> {
  const seen = new Set<NodeId>();
  const queue = [...(graph.upstream.get(id) ?? [])];
  for (let i = 0; i < queue.length && seen.size < limit; i++) {
    const next = queue[i] as NodeId;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(graph.upstream.get(next) ?? []));
  }
  return seen;
}
