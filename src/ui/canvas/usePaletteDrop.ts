import { useReactFlow } from "@xyflow/react";
import { type DragEvent, useCallback } from "react";
import { useFlowStore } from "../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { draggedKind, isNodeDrag, placeNodeAt } from "./paletteDrag";

/** HTML5 drop of a palette item on the canvas: the node is added where it is dropped. */
export function usePaletteDrop() {
  const { screenToFlowPosition } = useReactFlow<CanvasNode, CanvasEdge>();

  // Without preventDefault on dragover the browser refuses the drop.
  const onDragOver = useCallback((event: DragEvent<HTMLDivElement>) => {
    if (!isNodeDrag(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      const kind = draggedKind(event.dataTransfer);
      if (!kind) return;
      event.preventDefault();
      const store = useFlowStore.getState();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.addNode(kind, placeNodeAt(point, store.flow?.nodes ?? []));
    },
    [screenToFlowPosition],
  );

  return { onDragOver, onDrop };
}
