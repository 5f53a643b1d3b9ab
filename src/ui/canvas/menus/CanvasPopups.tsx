import "./menus.css";
import { useEffect, useMemo } from "react";
import { useFlowStore } from "../../../store/flowStore";
import { useCanvasControls } from "../canvasActions";
import { useCanvasPopup } from "./canvasPopup";
import { contextMenu, quickAddMenu } from "./menuEntries";
import { PopupMenu } from "./PopupMenu";

/**
 * The open context menu or quick-add picker (canvasPopup.ts says which). Loaded the first time
 * one opens: the page needs none of this to show a flow.
 */
export function CanvasPopups() {
  const popup = useCanvasPopup((s) => s.popup);
  const close = useCanvasPopup((s) => s.close);
  const controls = useCanvasControls();
  const flowId = useFlowStore((s) => s.flowId);

  // Another flow opened (or this one was replaced): a menu about the old one means nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the open flow changes
  useEffect(() => {
    const { popup: open, close: closeNow } = useCanvasPopup.getState();
    if (open && open.type !== "palette") closeNow(false);
  }, [flowId]);

  // Built once per opening: the lines say what could be done when the menu opened.
  const menu = useMemo(() => {
    if (popup?.type === "menu") return contextMenu(popup.target, controls);
    if (popup?.type === "quickAdd") return quickAddMenu(popup.request);
    return null;
  }, [popup, controls]);

  if (!menu || !popup || popup.type === "palette") return null;
  return <PopupMenu menu={menu} x={popup.x} y={popup.y} onClose={close} />;
}
