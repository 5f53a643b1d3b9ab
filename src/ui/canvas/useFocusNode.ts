import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import type { NodeId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { motionDuration } from "./canvasView";
import { DEFAULT_NODE_SIZE } from "./nodeSize";

/** Selects a node and brings it to the middle of the canvas (from a problem or the legend). */
export function useFocusNode(): (id: NodeId) => void {
  const { getInternalNode, setCenter, getZoom } = useReactFlow<CanvasNode, CanvasEdge>();
  return useCallback(
    (id: NodeId) => {
      useFlowStore.getState().select([id]);
      const node = getInternalNode(id);
      // Only the nodes near the view are drawn (useNodeWindow): the others are found in the flow.
      const { x, y } =
        node?.internals.positionAbsolute ??
        useFlowStore.getState().flow?.nodes.find((n) => n.id === id)?.position ??
        {};
      if (x === undefined || y === undefined) return;
      const width = node?.measured.width ?? DEFAULT_NODE_SIZE.width;
      const height = node?.measured.height ?? DEFAULT_NODE_SIZE.height;
      // Keep the user's zoom unless it is too far out to read the node.
      void setCenter(x + width / 2, y + height / 2, {
        zoom: Math.max(getZoom(), 0.8),
        duration: motionDuration(),
      });
    },
    [getInternalNode, setCenter, getZoom],
  );
}
