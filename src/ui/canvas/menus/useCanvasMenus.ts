import {
  type EdgeMouseHandler,
  type NodeMouseHandler,
  type OnConnectEnd,
  useReactFlow,
} from "@xyflow/react";
import { type KeyboardEvent, type MouseEvent, useCallback, useMemo } from "react";
import type { NodeId } from "../../../engine/ids";
import { useFlowStore } from "../../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";
import { useCanvasUi } from "../canvasUiStore";
import { useCanvasPopup } from "./canvasPopup";

/** A right-click on a node outside the selection makes it the selection, as a click would. */
function openNodeMenu(id: NodeId, x: number, y: number) {
  const store = useFlowStore.getState();
  if (!store.selection.includes(id)) {
    store.select([id]);
    useCanvasUi.getState().setSelectedEdges(new Set());
  }
  useCanvasPopup.getState().open({ type: "menu", target: { kind: "node", nodeId: id }, x, y });
}

const openEdgeMenu = (edgeId: string, x: number, y: number) =>
  useCanvasPopup.getState().open({ type: "menu", target: { kind: "edge", edgeId }, x, y });

/** Shift+F10 or the ContextMenu key: the keyboard's right-click. */
const isMenuKey = (e: KeyboardEvent) => e.key === "ContextMenu" || (e.shiftKey && e.key === "F10");

/**
 * The canvas's context menus (right-click, or Shift+F10 / the ContextMenu key on a focused node
 * or connection) and quick add (a connection dropped on empty canvas). Only the opening is
 * here; the menus themselves load on first use.
 */
export function useCanvasMenus() {
  const { screenToFlowPosition } = useReactFlow<CanvasNode, CanvasEdge>();

  const onNodeContextMenu = useCallback<NodeMouseHandler<CanvasNode>>((event, node) => {
    event.preventDefault();
    openNodeMenu(node.id as NodeId, event.clientX, event.clientY);
  }, []);

  // A right-click on the box around several selected nodes: the menu of that selection.
  const onSelectionContextMenu = useCallback((event: MouseEvent, nodes: CanvasNode[]) => {
    event.preventDefault();
    const first = nodes[0];
    if (first) openNodeMenu(first.id as NodeId, event.clientX, event.clientY);
  }, []);

  const onEdgeContextMenu = useCallback<EdgeMouseHandler<CanvasEdge>>((event, edge) => {
    event.preventDefault();
    openEdgeMenu(edge.id, event.clientX, event.clientY);
  }, []);

  const onPaneContextMenu = useCallback(
    (event: MouseEvent | globalThis.MouseEvent) => {
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      useCanvasPopup
        .getState()
        .open({ type: "menu", target: { kind: "pane", at }, x: event.clientX, y: event.clientY });
    },
    [screenToFlowPosition],
  );

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    if (!isMenuKey(event)) return;
    const el = (event.target as Element).closest?.(".react-flow__node, .react-flow__edge");
    const id = el?.getAttribute("data-id");
    if (!el || !id) return;
    // Prevented, so the browser does not also fire its own contextmenu event.
    event.preventDefault();
    const box = el.getBoundingClientRect();
    const x = box.left + Math.min(24, box.width / 2);
    const y = box.top + box.height / 2;
    if (el.classList.contains("react-flow__node")) openNodeMenu(id as NodeId, x, y);
    else openEdgeMenu(id, x, y);
  }, []);

  return useMemo(
    () => ({
      onNodeContextMenu,
      onSelectionContextMenu,
      onEdgeContextMenu,
      onPaneContextMenu,
      onKeyDown,
    }),
    [onNodeContextMenu, onSelectionContextMenu, onEdgeContextMenu, onPaneContextMenu, onKeyDown],
  );
}

/**
 * A connection dropped on empty canvas (not on a node or a handle) opens the quick-add picker
 * there: the node chosen is added already connected. Called by useConnectionHandlers.
 */
export const quickAddOnDrop: OnConnectEnd = (event, state) => {
  if (state.isValid !== null || state.toNode || !state.fromNode || !state.fromHandle) return;
  const target = event.target as Element | null;
  if (!target?.closest?.(".react-flow__pane") || target.closest(".react-flow__node")) return;
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  if (!point) return;
  useCanvasPopup.getState().open({
    type: "quickAdd",
    request: {
      from: state.fromNode.id as NodeId,
      handle: state.fromHandle.type,
      at: state.to,
    },
    x: point.clientX,
    y: point.clientY,
  });
};
