import type { OnConnectEnd } from "@xyflow/react";
import type { NodeId } from "../../../engine/ids";
import { useFlowStore } from "../../../store/flowStore";
import { useCanvasUi } from "../canvasUiStore";
import { type MenuTarget, useCanvasPopup } from "./canvasPopup";

/*
 * What opening a canvas popup does, loaded on the first right-click, menu key or dropped
 * connection (canvasMenuHandlers.ts prevents the browser's own menu at once).
 */

export const openMenu = (target: MenuTarget, x: number, y: number) =>
  useCanvasPopup.getState().open({ type: "menu", target, x, y });

/** A right-click on a node outside the selection makes it the selection, as a click would. */
export function openNodeMenu(nodeId: NodeId, x: number, y: number) {
  const store = useFlowStore.getState();
  if (!store.selection.includes(nodeId)) {
    store.select([nodeId]);
    useCanvasUi.getState().setSelectedEdges(new Set());
  }
  openMenu({ kind: "node", nodeId }, x, y);
}

/**
 * A connection dropped on empty canvas (not on a node or a handle) opens the quick-add picker
 * there: the node chosen is added already connected.
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

/** The menu of a focused node or connection, opened from the keyboard, beside its start. */
export function openMenuOn(el: Element, id: string) {
  const box = el.getBoundingClientRect();
  const x = box.left + Math.min(24, box.width / 2);
  const y = box.top + box.height / 2;
  if (el.classList.contains("react-flow__node")) openNodeMenu(id as NodeId, x, y);
  else openMenu({ kind: "edge", edgeId: id }, x, y);
}
