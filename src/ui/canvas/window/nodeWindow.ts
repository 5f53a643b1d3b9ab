import type { FlowEdge, FlowNode } from "../../../engine/flow";
import type { NodeId } from "../../../engine/ids";
import { DEFAULT_NODE_SIZE } from "../nodeSize";

/** A rectangle in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the pane shows, in flow coordinates, for React Flow's transform [x, y, zoom]. */
export function viewRect(transform: readonly [number, number, number], pane: Size): Rect {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: pane.width / zoom, height: pane.height / zoom };
}

interface Size {
  width: number;
  height: number;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

const areaOf = (r: Rect) => r.width * r.height;

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  const right = Math.max(a.x + a.width, b.x + b.width);
  const bottom = Math.max(a.y + a.height, b.y + b.height);
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * The window reaches this many flow units beyond the view: a node taller or wider than the
 * default size whose corner is just outside the view still shows its edge inside it.
 */
const EDGE_PAD = 150;

/**
 * The area whose nodes are drawn once the view is `view`: `old` when it still serves.
 *
 * It keeps what the view has shown: a pan mounts only the nodes coming into view and unmounts
 * none, so panning back and forth redraws nothing after the first pass (React Flow's
 * onlyRenderVisibleElements mounted and unmounted nodes at the view's edge on every pan
 * frame). Once it is over four times the view's area (zoomed in, or panned far), it starts
 * again from the view, so far nodes do not stay drawn.
 */
export function nextWindow(old: Rect | null, view: Rect): Rect {
  const padded = {
    x: view.x - EDGE_PAD,
    y: view.y - EDGE_PAD,
    width: view.width + 2 * EDGE_PAD,
    height: view.height + 2 * EDGE_PAD,
  };
  if (!old || areaOf(old) > 4 * areaOf(padded)) return padded;
  return contains(old, padded) ? old : union(old, padded);
}

const overlaps = (a: Rect, x: number, y: number, right: number, bottom: number) =>
  x < a.x + a.width && right > a.x && y < a.y + a.height && bottom > a.y;

/**
 * The nodes to draw for `area`: those that overlap it, and both ends of every connection whose
 * box overlaps it (React Flow draws a connection only when it has both its nodes, and one that
 * crosses the view would otherwise vanish). Nearest `middle`'s centre first (drawn first), and
 * at most `cap`, so a view zoomed far out over a dense flow cannot mount thousands of nodes.
 * O(nodes + edges), plus sorting the nodes picked.
 */
export function nodesInWindow(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  area: Rect,
  cap: number,
  /** Nearest this point first (the view's middle): the area's middle unless given. */
  middle: Rect = area,
): NodeId[] {
  const { width: w, height: h } = DEFAULT_NODE_SIZE;
  const picked = new Set<NodeId>();
  const at = new Map<NodeId, FlowNode["position"]>();
  for (const node of nodes) {
    const { x, y } = node.position;
    at.set(node.id, node.position);
    if (overlaps(area, x, y, x + w, y + h)) picked.add(node.id);
  }
  for (const edge of edges) {
    if (picked.has(edge.source) && picked.has(edge.target)) continue;
    const a = at.get(edge.source);
    const b = at.get(edge.target);
    if (!a || !b) continue;
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    if (overlaps(area, x, y, Math.max(a.x, b.x) + w, Math.max(a.y, b.y) + h)) {
      picked.add(edge.source);
      picked.add(edge.target);
    }
  }
  const ids = [...picked];
  const cx = middle.x + middle.width / 2 - w / 2;
  const cy = middle.y + middle.height / 2 - h / 2;
  const distance = (id: NodeId) => {
    const p = at.get(id) ?? { x: cx, y: cy };
    return (p.x - cx) ** 2 + (p.y - cy) ** 2;
  };
  return ids
    .map((id) => ({ id, d: distance(id) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, cap)
    .map((e) => e.id);
}

/** The first frame mounts this many nodes: the canvas's code has not run yet on a reopen. */
export const FIRST_BATCH = 20;
/** A frame that mounts nodes should take about this long, well under the 200 ms budget. */
const FRAME_TARGET_MS = 40;
const MIN_BATCH = 100;
const MAX_BATCH = 300;

/**
 * How many nodes the next frame mounts, when mounting `previous` kept the page busy `elapsedMs`
 * (from one batch to the next: React's render, the browser's layout and paint, React Flow's
 * measuring). Scaled to FRAME_TARGET_MS: at most about 2.4 times as many after an idle frame of
 * 16.7 ms, fewer on a slow or busy machine.
 */
export function nextBatch(previous: number, elapsedMs: number): number {
  const scaled = Math.round((previous * FRAME_TARGET_MS) / Math.max(elapsedMs, 1));
  return Math.min(MAX_BATCH, Math.max(MIN_BATCH, scaled));
}
