import dagre from "@dagrejs/dagre";
import type { Flow, Position } from "../../engine/flow";
import type { NodeId } from "../../engine/ids";
import type { Size } from "./canvasNodes";
import { DEFAULT_NODE_SIZE } from "./nodeSize";

export { layoutRefusal } from "./layoutLimit";

const GRID = 20;
const snap = (v: number) => Math.round(v / GRID) * GRID;

/**
 * Left-to-right positions (top-left corners, on the 20 px grid) for every node: each node sits
 * right of all the nodes that feed it. Pure, so the toolbar can apply it as one moveNodes edit.
 */
export function autoLayout(
  flow: Pick<Flow, "nodes" | "edges">,
  sizeOf: (id: NodeId) => Size | undefined = () => undefined,
): Map<NodeId, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 100, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));

  const sizes = new Map<NodeId, Size>();
  for (const node of flow.nodes) {
    const size = sizeOf(node.id) ?? DEFAULT_NODE_SIZE;
    sizes.set(node.id, size);
    g.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of flow.edges) {
    // A connection to a missing node is a validation error, not something to lay out.
    if (sizes.has(edge.source) && sizes.has(edge.target) && edge.source !== edge.target)
      g.setEdge(edge.source, edge.target);
  }
  dagre.layout(g);

  const positions = new Map<NodeId, Position>();
  for (const [id, size] of sizes) {
    const { x, y } = g.node(id) as { x: number; y: number };
    // dagre gives centres; React Flow positions are top-left corners.
    positions.set(id, { x: snap(x - size.width / 2), y: snap(y - size.height / 2) });
  }
  return positions;
}
