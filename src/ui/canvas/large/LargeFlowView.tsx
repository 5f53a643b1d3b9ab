import "./largeFlow.css";
import { useStoreApi } from "@xyflow/react";
import { useEffect, useMemo, useState } from "react";
import { useFlowStore } from "../../../store/flowStore";
import { CanvasView, type FlowCanvasProps, type LargeFlowParts } from "../CanvasView";
import { useCanvasControls } from "../canvasActions";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";
import { fitFlowViewport } from "./fitFlow";
import { LargeFlowMap } from "./LargeFlowMap";
import { LargeFlowNote } from "./LargeFlowNote";
import { useNodeWindow } from "./useNodeWindow";

/**
 * Fits the whole flow once the pane has a size, when no view was saved for it; true once the
 * view is where it will open (at once when one was saved).
 */
function useFirstView(): boolean {
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

/**
 * The canvas of a flow of over LARGE_FLOW_NODES nodes: it draws only the nodes around the view
 * (useNodeWindow), and its fit and minimap span every node, not just those drawn.
 */
export default function LargeFlowView({ colorMode }: FlowCanvasProps) {
  const ready = useFirstView();
  const only = useNodeWindow(ready);
  const { fitView } = useCanvasControls();
  const large = useMemo<LargeFlowParts>(
    () => ({
      only,
      onFitView: fitView,
      overlays: (
        <>
          <LargeFlowMap />
          <LargeFlowNote drawn={only.size} />
        </>
      ),
    }),
    [only, fitView],
  );
  return <CanvasView colorMode={colorMode} large={large} />;
}
