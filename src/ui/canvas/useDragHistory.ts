import { useCallback, useEffect, useRef } from "react";
import { flowHistory } from "../../store/flowStore";

/**
 * Makes one node drag one undo step. The history pauses at the drag's first real move, not
 * at its start: React Flow starts a "drag" on a click with a tremor, which must leave no step.
 */
export function useDragHistory() {
  // idle → pending (React Flow started a drag) → open (a node moved: history paused).
  const drag = useRef<"idle" | "pending" | "open">("idle");

  const onNodeDragStop = useCallback(() => {
    if (drag.current === "open") flowHistory.endGesture();
    drag.current = "idle";
  }, []);

  // Fires for a dragged multi-selection too, so onSelectionDragStart is not needed.
  const onNodeDragStart = useCallback(() => {
    if (drag.current !== "idle") return;
    drag.current = "pending";
    // React Flow skips onNodeDragStop for an aborted drag (multi-touch, node deleted mid-drag);
    // a paused history would then swallow every later edit, so also end the drag on release.
    window.addEventListener("pointerup", () => setTimeout(onNodeDragStop, 0), { once: true });
  }, [onNodeDragStop]);

  /** Call before applying a move: opens the drag's history step on its first move. */
  const beforeMove = useCallback(() => {
    if (drag.current !== "pending") return;
    flowHistory.beginGesture();
    drag.current = "open";
  }, []);

  useEffect(() => onNodeDragStop, [onNodeDragStop]);
  return { onNodeDragStart, onNodeDragStop, beforeMove };
}
