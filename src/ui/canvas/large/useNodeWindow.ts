import { type ReactFlowState, useStoreApi } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { NodeId } from "../../../engine/ids";
import { useFlowStore } from "../../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";
import { contains, grow, nodesInWindow, type Rect, viewRect } from "./nodeWindow";

/** The window reaches this share of the view beyond each edge: a short pan draws nothing new. */
const MARGIN = 0.35;
/** At most this many nodes drawn at once, however far out the view is zoomed. */
const MAX_DRAWN = 2000;
/** New nodes mounted per animation frame: each frame's work stays well under 200 ms. */
const BATCH = 150;

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
 * coming into the window are added BATCH per frame, nearest the middle first, so zooming far out
 * never mounts thousands of nodes in one task. `enabled` waits for the first view to be set.
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
  useEffect(() => {
    let frame = 0;
    const step = () => {
      const before = drawnRef.current;
      const next = new Set<NodeId>();
      let added = 0;
      let more = false;
      for (const id of wanted) {
        if (before.has(id)) next.add(id);
        else if (added < BATCH) {
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
      if (more) frame = requestAnimationFrame(step);
    };
    step();
    return () => cancelAnimationFrame(frame);
  }, [wanted]);
  return drawn;
}
