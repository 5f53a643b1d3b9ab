import type { Flow } from "../../engine/flow";
import { ancestors, buildGraph } from "../../engine/graph";
import type { NodeId } from "../../engine/ids";
import { INPUT_REFERENCE } from "../../engine/template";

/**
 * What a node's template may reference: the chat message and every node upstream of it, in
 * flow order. Downstream nodes have no value yet when it runs, so they are never offered
 * (nor the node itself, which a cycle would make its own ancestor).
 */
export function availableReferences(flow: Pick<Flow, "nodes" | "edges">, id: NodeId): string[] {
  const upstream = ancestors(buildGraph(flow), id);
  const ids = flow.nodes
    .filter((n) => upstream.has(n.id) && n.id !== id && n.id !== INPUT_REFERENCE)
    .map((n) => n.id as string);
  return [INPUT_REFERENCE, ...ids];
}
