import type { NodeKind, Position } from "../../engine/flow";
import { isNodeKind } from "../../engine/nodeKinds";
import { DEFAULT_NODE_SIZE } from "./nodeSize";

/** The drag data type the palette sets and the canvas accepts: nothing else drops a node. */
export const NODE_DRAG_TYPE = "application/x-llm-flow-node";

export const isNodeDrag = (dt: DataTransfer | null) =>
  !!dt && Array.from(dt.types).includes(NODE_DRAG_TYPE);

export function draggedKind(dt: DataTransfer | null): NodeKind | null {
  const kind = dt?.getData(NODE_DRAG_TYPE);
  return isNodeKind(kind) ? kind : null;
}

const GRID = 20;
const snap = (v: number) => Math.round(v / GRID) * GRID;

/**
 * Where a new node goes so that it is centred on `point` (flow coordinates), on the grid and
 * not exactly on top of another node: adding twice at the same spot must show two nodes.
 */
export function placeNodeAt(point: Position, taken: readonly { position: Position }[]): Position {
  let x = snap(point.x - DEFAULT_NODE_SIZE.width / 2);
  let y = snap(point.y - DEFAULT_NODE_SIZE.height / 2);
  const occupied = new Set(taken.map((n) => `${n.position.x},${n.position.y}`));
  while (occupied.has(`${x},${y}`)) {
    x += GRID * 2;
    y += GRID * 2;
  }
  return { x, y };
}
