import { useReactFlow } from "@xyflow/react";
import { type DragEvent, useCallback } from "react";
import { useFlowStore } from "../../store/flowStore";
import { preloadImport, useFlowImport } from "../importExport/importStore";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { droppedFile, isFileDrag } from "./fileDrop";
import { draggedKind, isNodeDrag, placeNodeAt } from "./paletteDrag";

/**
 * HTML5 drops on the canvas: a palette item adds its node where it is dropped; a file is
 * imported as a flow (previewed first, exactly as with Import in the Flows menu).
 */
export function useCanvasDrop() {
  const { screenToFlowPosition } = useReactFlow<CanvasNode, CanvasEdge>();

  // Without preventDefault on dragover the browser refuses the drop (and opens a file instead).
  const onDragOver = useCallback((event: DragEvent<HTMLDivElement>) => {
    const file = isFileDrag(event.dataTransfer);
    if (!file && !isNodeDrag(event.dataTransfer)) return;
    event.preventDefault();
    // Loaded while the file is still being dragged (the loads are cached: once per page).
    if (file) preloadImport();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      const file = droppedFile(event.dataTransfer);
      if (file) {
        event.preventDefault();
        void useFlowImport.getState().open(file);
        return;
      }
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
