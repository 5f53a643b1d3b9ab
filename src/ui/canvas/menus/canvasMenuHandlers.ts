import type { EdgeMouseHandler, NodeMouseHandler, OnConnectEnd } from "@xyflow/react";
import type { KeyboardEvent, MouseEvent } from "react";
import type { NodeId } from "../../../engine/ids";
import { useFlowStore } from "../../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";
import { useCanvasUi } from "../canvasUiStore";
import { type MenuTarget, useCanvasPopup } from "./canvasPopup";

const openMenu = (target: MenuTarget, x: number, y: number) =>
  useCanvasPopup.getState().open({ type: "menu", target, x, y });

/** A right-click on a node outside the selection makes it the selection, as a click would. */
function openNodeMenu(nodeId: NodeId, x: number, y: number) {
  const store = useFlowStore.getState();
  if (!store.selection.includes(nodeId)) {
    store.select([nodeId]);
    useCanvasUi.getState().setSelectedEdges(new Set());
  }
  openMenu({ kind: "node", nodeId }, x, y);
}

const onNodeContextMenu: NodeMouseHandler<CanvasNode> = (event, node) => {
  event.preventDefault();
  openNodeMenu(node.id as NodeId, event.clientX, event.clientY);
};

/**
 * The canvas's context menus, as React Flow props: right-click on a node (or the box around
 * several selected ones), a connection or the pane, and Shift+F10 or the ContextMenu key on a
 * focused node or connection. Only the opening is here; the menus load on first use.
 */
export const canvasMenuHandlers = {
  onNodeContextMenu,
  onSelectionContextMenu: (event: MouseEvent, nodes: CanvasNode[]) => {
    const first = nodes[0];
    if (first) onNodeContextMenu(event, first);
  },
  onEdgeContextMenu: ((event, edge) => {
    event.preventDefault();
    openMenu({ kind: "edge", edgeId: edge.id }, event.clientX, event.clientY);
  }) satisfies EdgeMouseHandler<CanvasEdge>,
  onPaneContextMenu: (event: MouseEvent | globalThis.MouseEvent) => {
    event.preventDefault();
    openMenu({ kind: "pane" }, event.clientX, event.clientY);
  },
  onKeyDown: (event: KeyboardEvent) => {
    if (event.key !== "ContextMenu" && !(event.shiftKey && event.key === "F10")) return;
    const el = (event.target as Element).closest?.(".react-flow__node, .react-flow__edge");
    const id = el?.getAttribute("data-id");
    if (!el || !id) return;
    // Prevented, so the browser does not also fire its own contextmenu event.
    event.preventDefault();
    const box = el.getBoundingClientRect();
    const x = box.left + Math.min(24, box.width / 2);
    const y = box.top + box.height / 2;
    if (el.classList.contains("react-flow__node")) openNodeMenu(id as NodeId, x, y);
    else openMenu({ kind: "edge", edgeId: id }, x, y);
  },
};

/**
 * A connection dropped on empty canvas (not on a node or a handle) opens the quick-add picker
 * there: the node chosen is added already connected. Called by useConnectionHandlers.
 */
export const quickAddOnDrop: OnConnectEnd = (event, state) => {
  if (state.toNode || !state.fromNode || !state.fromHandle) return;
  const target = event.target as Element | null;
  if (!target?.closest?.(".react-flow__pane") || target.closest(".react-flow__node")) return;
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  if (!point) return;
  useCanvasPopup.getState().open({
    type: "quickAdd",
    drop: { from: state.fromNode.id as NodeId, handle: state.fromHandle.type },
    x: point.clientX,
    y: point.clientY,
  });
};
