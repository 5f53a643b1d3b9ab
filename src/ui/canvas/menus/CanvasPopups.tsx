import "./menus.css";
import { useReactFlow } from "@xyflow/react";
import { useEffect, useMemo, useRef } from "react";
import { useFlowStore } from "../../../store/flowStore";
import { useCanvasControls } from "../canvasActions";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";
import { CommandPalette } from "./CommandPalette";
import { useCanvasPopup } from "./canvasPopup";
import { contextMenu, quickAddMenu } from "./menuEntries";
import { PopupMenu } from "./PopupMenu";

/**
 * The open context menu, quick-add picker or command palette (canvasPopup.ts says which).
 * Loaded the first time one opens: the page needs none of this to show a flow.
 */
export function CanvasPopups() {
  const popup = useCanvasPopup((s) => s.popup);
  const close = useCanvasPopup((s) => s.close);
  const controls = useCanvasControls();
  const { screenToFlowPosition } = useReactFlow<CanvasNode, CanvasEdge>();
  const flowId = useFlowStore((s) => s.flowId);

  // Another flow opened (or this one was replaced): a menu about the old one means nothing.
  const openedIn = useRef(flowId);
  useEffect(() => {
    if (openedIn.current === flowId) return;
    openedIn.current = flowId;
    const { popup: open, close: closeNow } = useCanvasPopup.getState();
    if (open && open.type !== "palette") closeNow(false);
  }, [flowId]);

  // Built once per opening: the lines say what could be done when the menu opened.
  const menu = useMemo(() => {
    if (!popup || popup.type === "palette") return null;
    const at = screenToFlowPosition({ x: popup.x, y: popup.y });
    return popup.type === "menu"
      ? contextMenu(popup.target, at, controls)
      : quickAddMenu({ ...popup.drop, at });
  }, [popup, controls, screenToFlowPosition]);

  if (popup?.type === "palette") return <CommandPalette />;
  if (!menu || !popup) return null;
  return <PopupMenu menu={menu} x={popup.x} y={popup.y} onClose={close} />;
}
