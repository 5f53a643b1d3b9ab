import type { EdgeMouseHandler, NodeMouseHandler, OnConnectEnd } from "@xyflow/react";
import type { KeyboardEvent, MouseEvent } from "react";
import type { NodeId } from "../../../engine/ids";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";

/** What opening does loads on first use (menuOpeners.ts); only the prevention is here. */
const openers = () => import("./menuOpeners");

const onNodeContextMenu: NodeMouseHandler<CanvasNode> = (event, node) => {
  event.preventDefault();
  const { clientX, clientY } = event;
  void openers().then((o) => o.openNodeMenu(node.id as NodeId, clientX, clientY));
};

/**
 * The canvas's context menus, as React Flow props: right-click on a node (or the box around
 * several selected ones), a connection or the pane, and Shift+F10 or the ContextMenu key on a
 * focused node or connection. The browser's own menu is prevented at once; the menus load on
 * first use.
 */
export const canvasMenuHandlers = {
  onNodeContextMenu,
  onSelectionContextMenu: (event: MouseEvent, nodes: CanvasNode[]) => {
    const first = nodes[0];
    if (first) onNodeContextMenu(event, first);
  },
  onEdgeContextMenu: ((event, edge) => {
    event.preventDefault();
    const { clientX, clientY } = event;
    void openers().then((o) => o.openMenu({ kind: "edge", edgeId: edge.id }, clientX, clientY));
  }) satisfies EdgeMouseHandler<CanvasEdge>,
  onPaneContextMenu: (event: MouseEvent | globalThis.MouseEvent) => {
    event.preventDefault();
    const { clientX, clientY } = event;
    void openers().then((o) => o.openMenu({ kind: "pane" }, clientX, clientY));
  },
  onKeyDown: (event: KeyboardEvent) => {
    if (event.key !== "ContextMenu" && !(event.shiftKey && event.key === "F10")) return;
    const el = (event.target as Element).closest?.(".react-flow__node, .react-flow__edge");
    const id = el?.getAttribute("data-id");
    if (!el || !id) return;
    // Prevented, so the browser does not also fire its own contextmenu event.
    event.preventDefault();
    void openers().then((o) => o.openMenuOn(el, id));
  },
};

/** A connection dropped on empty canvas opens the quick-add picker (menuOpeners.ts). */
export const quickAddOnDrop: OnConnectEnd = (event, state) => {
  void openers().then((o) => o.quickAddOnDrop(event, state));
};
