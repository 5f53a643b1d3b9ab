import { type ReactFlowState, useStoreApi } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { NodeId } from "../../../engine/ids";
import { useFlowStore } from "../../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";
import {
  FIRST_BATCH,
  nextBatch,
  nextWindow,
  nodesInWindow,
  type Rect,
  viewRect,
} from "./nodeWindow";
import type { OpeningView } from "./useOpeningView";

/** At most this many nodes drawn at once on a large flow, however far out the view is zoomed. */
const MAX_DRAWN = 2000;

const NONE: ReadonlySet<NodeId> = new Set();

interface WindowArea {
  area: Rect;
  /** The view when the area was last changed: its nodes are drawn first. */
  view: Rect;
}

const openingArea = ({ viewport: v, size }: OpeningView): WindowArea => {
  const view = viewRect([v.x, v.y, v.zoom], size);
  return { area: nextWindow(null, view), view };
};

/**
 * The area whose nodes are drawn, following the view (nextWindow in nodeWindow.ts): from the
 * opening view at once, before React Flow has measured its pane, then from React Flow's view
 * once it has taken the opening one (`following`: its onInit; until then its store may still
 * hold the last canvas's view, or none).
 */
function useWindowArea(opening: OpeningView, following: boolean): WindowArea {
  const rf = useStoreApi<CanvasNode, CanvasEdge>();
  const [area, setArea] = useState(() => openingArea(opening));
  const current = useRef<Rect>(area.area);
  useEffect(() => {
    if (!following) return;
    const check = (s: ReactFlowState<CanvasNode, CanvasEdge>) => {
      if (s.width <= 0 || s.height <= 0) return;
      const view = viewRect(s.transform, s);
      const next = nextWindow(current.current, view);
      if (next === current.current) return;
      current.current = next;
      setArea({ area: next, view });
    };
    check(rf.getState());
    return rf.subscribe(check);
  }, [rf, following]);
  return area;
}

/**
 * The nodes to draw: those in the window around the view (nodeWindow.ts), plus the selected
 * ones already drawn (a node being dragged must not vanish under the pointer), from the view
 * the canvas opens on (useOpeningView.ts).
 *
 * A large flow draws at most MAX_DRAWN, nearest the view's middle, and its nodes coming into
 * the window are added a batch per frame, so zooming far out never mounts thousands of nodes
 * in one task: FIRST_BATCH a frame after the canvas, then as many as the last batch's time
 * says fit in a frame (nextBatch). Any other flow's are added at once, as React Flow would.
 */
export function useNodeWindow(
  opening: OpeningView,
  following: boolean,
  large: boolean,
): ReadonlySet<NodeId> {
  const nodes = useFlowStore((s) => s.flow?.nodes);
  const edges = useFlowStore((s) => s.flow?.edges);
  const shown = useWindowArea(opening, following);
  const wanted = useMemo(
    () =>
      nodes && edges
        ? nodesInWindow(nodes, edges, shown.area, large ? MAX_DRAWN : nodes.length, shown.view)
        : [],
    [nodes, edges, shown, large],
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
      const batch = large ? batchRef.current : Number.POSITIVE_INFINITY;
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
    // A large flow's first nodes wait a frame: the canvas itself is laid out and painted
    // without them, so that frame and the first one mounting nodes each stay short.
    if (large && drawnRef.current.size === 0) frame = requestAnimationFrame(step);
    else step();
    return () => cancelAnimationFrame(frame);
  }, [wanted, large]);
  return drawn;
}
