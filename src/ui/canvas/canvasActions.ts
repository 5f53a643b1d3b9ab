import { removeEdges, removeNodes } from "../../engine/flowEdits";
import type { NodeId } from "../../engine/ids";
import { flowHistory, useFlowStore } from "../../store/flowStore";
import { edgeId } from "./canvasNodes";
import { useCanvasUi } from "./canvasUiStore";
import type { ShortcutAction } from "./editorShortcuts";

/** Deletes the selected nodes and the selected connections as one undoable edit. */
export function deleteSelection(): boolean {
  const store = useFlowStore.getState();
  const { flow, selection } = store;
  if (!flow) return false;
  const edgeIds = useCanvasUi.getState().selectedEdges;
  const nodes = new Set<NodeId>(selection);
  const edges = flow.edges.filter((e) => edgeIds.has(edgeId(e)));
  if (nodes.size === 0 && edges.length === 0) return false;
  if (edges.length === 0) {
    store.removeNodes(selection);
  } else {
    // One apply, not removeNodes then removeEdge, so one Ctrl+Z brings both back.
    store.apply((f) => ({
      ok: true,
      flow: removeEdges(removeNodes(f, nodes), (e) => edgeIds.has(edgeId(e))),
    }));
    store.select([]);
  }
  useCanvasUi.getState().setSelectedEdges(new Set());
  return true;
}

/** Runs a shortcut; false when there was nothing to do, so the browser may handle the key. */
export function runShortcut(action: ShortcutAction): boolean {
  const store = useFlowStore.getState();
  switch (action) {
    case "delete":
      return deleteSelection();
    case "undo":
      flowHistory.undo();
      return true;
    case "redo":
      flowHistory.redo();
      return true;
    case "copy":
      // Text the user selected on the page (a chat reply, say) is theirs to copy.
      if (store.selection.length === 0 || hasTextSelection()) return false;
      store.copySelection();
      return true;
    case "paste":
      if (!store.clipboard) return false;
      store.paste();
      return true;
    case "duplicate":
      if (store.selection.length === 0) return false;
      store.duplicateSelection();
      return true;
    case "selectAll":
      if (!store.flow) return false;
      store.selectAll();
      return true;
    case "showShortcuts":
      useCanvasUi.getState().openShortcuts();
      return true;
  }
}

/** Text the user selected on the page (a chat reply, say): theirs to copy, not the nodes. */
export function hasTextSelection(): boolean {
  const s = typeof window !== "undefined" ? window.getSelection() : null;
  return !!s && !s.isCollapsed && s.toString().trim() !== "";
}
