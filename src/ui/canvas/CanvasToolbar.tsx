import { useReactFlow } from "@xyflow/react";
import type { KeyboardEvent } from "react";
import { useStore } from "zustand";
import type { NodeId } from "../../engine/ids";
import { flowHistory, useFlowStore } from "../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { useCanvasUi } from "./canvasUiStore";
import { FIT_VIEW_OPTIONS, motionDuration } from "./canvasView";
import { modKey } from "./editorShortcuts";

/** Left and Right move between the toolbar's buttons, as in any toolbar. */
function moveFocusWithArrows(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
  const buttons = [...event.currentTarget.querySelectorAll("button:not(:disabled)")];
  const at = buttons.indexOf(document.activeElement as Element);
  if (at < 0) return;
  const step = event.key === "ArrowRight" ? 1 : -1;
  (buttons[(at + step + buttons.length) % buttons.length] as HTMLElement | undefined)?.focus();
  event.preventDefault();
}

/** Undo, redo, auto-layout, fit view and the shortcuts list, above the canvas. */
export function CanvasToolbar() {
  const canUndo = useStore(useFlowStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useFlowStore.temporal, (s) => s.futureStates.length > 0);
  const hasNodes = useFlowStore((s) => (s.flow?.nodes.length ?? 0) > 0);
  const openShortcuts = useCanvasUi((s) => s.openShortcuts);
  const { fitView, getInternalNode } = useReactFlow<CanvasNode, CanvasEdge>();
  const m = modKey();

  const fitAll = () => void fitView({ ...FIT_VIEW_OPTIONS, duration: motionDuration() });

  const layout = async () => {
    // dagre loads on the first click: it is not needed to open the app.
    const { autoLayout } = await import("./autoLayout");
    const { flow, moveNodes } = useFlowStore.getState();
    if (!flow) return;
    const positions = autoLayout(flow, (id: NodeId) => {
      const { width, height } = getInternalNode(id)?.measured ?? {};
      return width && height ? { width, height } : undefined;
    });
    const moved = flow.nodes.some((n) => {
      const p = positions.get(n.id);
      return p && (p.x !== n.position.x || p.y !== n.position.y);
    });
    // Already laid out: no empty step in the undo history.
    if (!moved) return fitAll();
    moveNodes(positions);
    // The canvas receives the new positions on its next render; fit after it.
    requestAnimationFrame(fitAll);
  };

  return (
    <div
      className="canvas-toolbar"
      role="toolbar"
      aria-label="Canvas tools"
      onKeyDown={moveFocusWithArrows}
    >
      <button
        type="button"
        className="secondary"
        onClick={flowHistory.undo}
        disabled={!canUndo}
        title={`Undo (${m}+Z)`}
      >
        Undo
      </button>
      <button
        type="button"
        className="secondary"
        onClick={flowHistory.redo}
        disabled={!canRedo}
        title={`Redo (${m}+Shift+Z)`}
      >
        Redo
      </button>
      <span className="toolbar-separator" aria-hidden="true" />
      <button
        type="button"
        className="secondary"
        onClick={() => void layout()}
        disabled={!hasNodes}
        title="Arrange the nodes left to right, inputs before the nodes they feed (undoable)"
      >
        Auto-layout
      </button>
      <button
        type="button"
        className="secondary"
        onClick={fitAll}
        disabled={!hasNodes}
        title="Show every node"
      >
        Fit view
      </button>
      <button type="button" className="secondary" onClick={openShortcuts} title="Shortcuts (?)">
        Keyboard shortcuts
      </button>
    </div>
  );
}
