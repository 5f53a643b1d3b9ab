import "@xyflow/react/dist/style.css";
import "./canvas.css";
import { useCallback } from "react";
import { useFlowStore } from "../../store/flowStore";
import { useStudioApi } from "../../store/studioStore";
import { useLazyModule } from "../common/useLazyModule";
import { CanvasNotice } from "./CanvasNotice";
import { CanvasView, type FlowCanvasProps } from "./CanvasView";
import { useCanvasUi } from "./canvasUiStore";
import { useCanvasPopup } from "./menus/canvasPopup";
import { RunFromHereHost } from "./runFromHere/RunFromHereHost";
import { useClipboardEvents } from "./useClipboardEvents";
import { useEditorShortcuts } from "./useEditorShortcuts";

// The shortcuts list loads the first time it is asked for.
const loadShortcutsDialog = () => import("./ShortcutsDialog");
// So does what an empty flow says to do first.
const loadEmptyHint = () => import("./EmptyCanvasHint");
// So do the context menus, the quick-add picker and the command palette (menus/canvasPopup.ts).
const loadPopups = () => import("./menus/CanvasPopups");

/**
 * The flow editor's canvas, controlled by the flow store: every edit goes through a store
 * action, so undo, autosave and the other panels see it. Render inside a CanvasProvider.
 */
export function FlowCanvas({ colorMode }: FlowCanvasProps) {
  const shortcuts = useLazyModule(
    loadShortcutsDialog,
    useCanvasUi((s) => s.shortcutsOpen),
  );
  const popups = useLazyModule(
    loadPopups,
    useCanvasPopup((s) => s.popup !== null),
  );
  const flowId = useFlowStore((s) => s.flowId);
  const hasFlow = useFlowStore((s) => s.flow !== null);
  const empty = useFlowStore((s) => s.flow !== null && s.flow.nodes.length === 0);
  const emptyHint = useLazyModule(loadEmptyHint, empty);
  useEditorShortcuts();
  const studio = useStudioApi();
  const credentials = useCallback(() => studio.getState().credentials, [studio]);
  useClipboardEvents(credentials);
  return (
    <div className="flow-canvas">
      {hasFlow ? (
        // A fresh view per flow: its saved viewport (or fit view) applies, measured sizes reset.
        <CanvasView key={flowId ?? ""} colorMode={colorMode} />
      ) : (
        <p className="flow-canvas-empty">No flow is open.</p>
      )}
      {empty && emptyHint && <emptyHint.default />}
      <CanvasNotice />
      {shortcuts && <shortcuts.ShortcutsDialog />}
      {popups && <popups.CanvasPopups />}
      <RunFromHereHost />
    </div>
  );
}
