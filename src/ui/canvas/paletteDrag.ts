import type { NodeKind, Position } from "../../engine/flow";
import type { NodeId } from "../../engine/ids";
import { isNodeKind } from "../../engine/nodeKinds";
import { useFlowStore } from "../../store/flowStore";
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

/** Room kept between a new node and its neighbours. */
const MARGIN = GRID;
/** How far out (in steps of two grid cells) a new node looks for free space. */
const MAX_RINGS = 30;

/** Something on the canvas a new node or note must not cover; a node without a size is counted at DEFAULT_NODE_SIZE. */
interface Taken {
  position: Position;
  width?: number;
  height?: number;
}

/**
 * Where a new node goes: centred on `point` (flow coordinates) and on the grid when that spot
 * is free, otherwise the nearest free spot around it, so a node added from the palette never
 * lands on top of another (all nodes counted at their unmeasured size, DEFAULT_NODE_SIZE).
 */
export function placeNodeAt(point: Position, taken: readonly Taken[]): Position {
  return placeBoxAt(point, DEFAULT_NODE_SIZE, taken);
}

/** placeNodeAt for a box of any size (a sticky note), clear of nodes and notes alike. */
export function placeBoxAt(
  point: Position,
  { width, height }: { width: number; height: number },
  taken: readonly Taken[],
): Position {
  const start = { x: snap(point.x - width / 2), y: snap(point.y - height / 2) };
  const step = GRID * 2;
  const reach = MAX_RINGS * step + Math.max(width, height) * 2;
  // Only boxes within reach can be in the way: one pass over the flow, then a small search.
  const near = taken
    .map((n) => ({
      ...n.position,
      w: n.width ?? DEFAULT_NODE_SIZE.width,
      h: n.height ?? DEFAULT_NODE_SIZE.height,
    }))
    .filter((q) => Math.abs(q.x - start.x) <= reach && Math.abs(q.y - start.y) <= reach);
  const free = (p: Position) =>
    near.every(
      (q) =>
        p.x >= q.x + q.w + MARGIN ||
        q.x >= p.x + width + MARGIN ||
        p.y >= q.y + q.h + MARGIN ||
        q.y >= p.y + height + MARGIN,
    );
  if (free(start)) return start;
  for (let ring = 1; ring <= MAX_RINGS; ring++) {
    const candidates: Position[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) {
          candidates.push({ x: start.x + dx * step, y: start.y + dy * step });
        }
      }
    }
    const distance = (p: Position) => (p.x - start.x) ** 2 + (p.y - start.y) ** 2;
    candidates.sort((a, b) => distance(a) - distance(b) || a.y - b.y || a.x - b.x);
    const found = candidates.find(free);
    if (found) return found;
  }
  // Crowded all around: below everything near.
  const bottom = Math.max(...near.map((q) => q.y + q.h));
  return { x: start.x, y: snap(bottom + MARGIN * 2) };
}

/** React Flow's view of the canvas: its size on screen and its pan and zoom. */
interface CanvasView {
  width: number;
  height: number;
  transform: [number, number, number];
}

/** Adds a node of `kind` in the middle of what the canvas shows (free space nearest it). */
export function addNodeInView(kind: NodeKind, view: CanvasView): NodeId | null {
  const [tx, ty, zoom] = view.transform;
  const centre = { x: (view.width / 2 - tx) / zoom, y: (view.height / 2 - ty) / zoom };
  const flowStore = useFlowStore.getState();
  return flowStore.addNode(kind, placeNodeAt(centre, flowStore.flow?.nodes ?? []));
}
