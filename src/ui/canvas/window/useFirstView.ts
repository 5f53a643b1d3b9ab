import { useStoreApi } from "@xyflow/react";
import { useEffect, useState } from "react";
import { useFlowStore } from "../../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";
import { fitFlowViewport } from "./fitFlow";

/**
 * Fits the whole flow once the pane has a size, when no view was saved for it; true once the
 * view is where it will open (at once when one was saved). The fit is taken from the flow's
 * positions, before any node is drawn: which nodes to draw depends on it (useNodeWindow.ts).
 */
export function useFirstView(): boolean {
  const rf = useStoreApi<CanvasNode, CanvasEdge>();
  const [ready, setReady] = useState(() => useFlowStore.getState().viewport !== null);
  useEffect(() => {
    if (ready) return;
    const fitOnce = () => {
      const { width, height, panZoom } = rf.getState();
      const nodes = useFlowStore.getState().flow?.nodes ?? [];
      if (width <= 0 || height <= 0 || !panZoom) return false;
      const view = fitFlowViewport(nodes, { width, height });
      if (view) void panZoom.setViewport(view);
      setReady(true);
      return true;
    };
    if (fitOnce()) return;
    const stop = rf.subscribe(() => {
      if (fitOnce()) stop();
    });
    return stop;
  }, [rf, ready]);
  return ready;
}
