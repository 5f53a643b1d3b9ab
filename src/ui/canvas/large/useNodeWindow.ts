import { type ReactFlowState, useStoreApi } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { NodeId } from "../../../engine/ids";
import { useFlowStore } from "../../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";
import {
  contains,
  FIRST_BATCH,
  grow,
  nextBatch,
  nodesInWindow,
  type Rect,
  viewRect,
} from "./nodeWindow";

/** The window reaches this share of the view beyond each edge: a short pan draws nothing new. */
const MARGIN = 0.35;
/** At most this many nodes drawn at once, however far out the view is zoomed. */
const MAX_DRAWN = 2000;

const NONE: ReadonlySet<NodeId> = new Set();

/** The area whose nodes are drawn: the view with a margin, moved only when the view leaves it. */
function useWindowArea(enabled: boolean): Rect | null {
  const rf = useStoreApi<CanvasNode, CanvasEdge>();
  const [area, setArea] = useState<Rect | null>(null);
  const current = useRef<Rect | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const check = (s: ReactFlowState<CanvasNode, CanvasEdge>) => {
      if (s.width <= 0 || s.height <= 0) return;
      const view = viewRect(s.transform, s);
      const old = current.current;
      // Kept while it holds the view and is not far larger (zoomed in: fewer nodes suffice).
      if (old && contains(old, view) && old.width <= view.width * 3) return;
      current.current = grow(view, MARGIN);
      setArea(current.current);
    };
    check(rf.getState());
    return rf.subscribe(check);
  }, [rf, enabled]);
  return area;
}

/**
 * The nodes of a large flow to draw: those in and around the view (nodeWindow.ts), plus the
 * selected ones already drawn (a node being dragged must not vanish under the pointer). Nodes
 * coming into the window are added a batch per frame, nearest the middle first, so zooming far
 * out never mounts thousands of nodes in one task: FIRST_BATCH first, then as many as the last
 * batch's time says fit in a frame (nextBatch). `enabled` waits for the first view to be set.
 */
export function useNodeWindow(enabled: boolean): ReadonlySet<NodeId> {
  const nodes = useFlowStore((s) => s.flow?.nodes);
  const edges = useFlowStore((s) => s.flow?.edges);
  const area = useWindowArea(enabled);
  const wanted = useMemo(
    () => (area && nodes && edges ? nodesInWindow(nodes, edges, area, MAX_DRAWN) : []),
    [nodes, edges, area],
  );
  const [drawn, setDrawn] = useState<ReadonlySet<NodeId>>(NONE);
  const drawnRef = useRef(drawn);
  // Learnt across windows: the code is warm after the first one, and the machine as fast.
  const batchRef = useRef(FIRST_BATCH);
  useEffect(() => {
    let frame = 0;
    /** When the last full batch was handed to React: the time since is what mounting it cost. */
    let lastBatchAt: number | null = null;
    const step = () => {
      const now = performance.now();
      if (lastBatchAt !== null) batchRef.current = nextBatch(batchRef.current, now - lastBatchAt);
      const batch = batchRef.current;
      const before = drawnRef.current;
      const next = new Set<NodeId>();
      let added = 0;
      let more = false;
      for (const id of wanted) {
        if (before.has(id)) next.add(id);
        else if (added < batch) {
          next.add(id);
          added++;
        } else more = true;
      }
      for (const id of useFlowStore.getState().selection) if (before.has(id)) next.add(id);
      const same = next.size === before.size && [...next].every((id) => before.has(id));
      if (!same) {
        drawnRef.current = next;
        setDrawn(next);
      }
      lastBatchAt = added === batch ? now : null;
      if (more) frame = requestAnimationFrame(step);
    };
    // The first nodes wait a frame: the canvas itself is laid out and painted without them, so
    // that frame and the first one mounting nodes each stay short.
    if (drawnRef.current.size === 0) frame = requestAnimationFrame(step);
    else step();
    return () => cancelAnimationFrame(frame);
  }, [wanted]);
  return drawn;
}
