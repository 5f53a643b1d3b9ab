import { useStore } from "zustand";
import { flowHistory, useFlowStore } from "../../store/flowStore";
import {
  arrangeNodes,
  type CanvasControls,
  deleteSelection,
  hasTextSelection,
} from "./canvasActions";
import { useCanvasUi } from "./canvasUiStore";
import { comboText, type KeyCombo } from "./keyCombos";
import { useCanvasPopup } from "./menus/canvasPopup";

/*
 * Every editor action in one table, as tldraw keeps its actions: the toolbar shows the ones it
 * has a place for, the keyboard handler (useEditorShortcuts) runs the ones with shortcuts, and
 * the shortcuts help lists them. Adding an action is adding an entry here.
 */

export type ActionId =
  | "delete"
  | "undo"
  | "redo"
  | "copy"
  | "paste"
  | "duplicate"
  | "selectAll"
  | "autoLayout"
  | "fitView"
  | "showShortcuts"
  | "commandPalette";

/** What decides whether an action can run now: read from the stores at the moment it counts. */
export interface ActionState {
  hasFlow: boolean;
  hasNodes: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Selected nodes and sticky notes: both are copied, duplicated and deleted alike. */
  selectedNodes: number;
  selectedEdges: number;
  hasClipboard: boolean;
  /** Text selected on the page (a chat reply, say): the user's to copy, not the nodes. */
  textSelected: boolean;
}

/** The toolbar's groups, in order, with a separator between them. */
export type ToolbarGroup = "history" | "view";

export interface EditorAction {
  id: ActionId;
  /** The toolbar button's text, and the action's name. */
  label: string;
  /** The shortcuts help's wording, when the label alone says too little. */
  help?: string;
  /** The toolbar button's tooltip, before its shortcut; the label by default. */
  title?: string;
  /** Where the toolbar shows it; absent: keyboard only. */
  toolbar?: ToolbarGroup;
  /** The first is the one tooltips name; the help lists them all. */
  shortcuts: readonly KeyCombo[];
  /**
   * Copy and paste keys also go on to the browser (not prevented), which then fires its copy or
   * paste event with the system clipboard (useClipboardEvents). Copy fills the internal clipboard
   * too; paste runs only when no paste event follows (a browser that sends none).
   */
  systemClipboard?: "copy" | "paste";
  enabled(state: ActionState): boolean;
  run(controls: CanvasControls): void;
}

const store = () => useFlowStore.getState();

export const EDITOR_ACTIONS: readonly EditorAction[] = [
  {
    id: "delete",
    label: "Delete",
    help: "Delete the selected nodes and connections",
    shortcuts: [{ key: "Delete" }, { key: "Backspace" }],
    enabled: (s) => s.selectedNodes > 0 || s.selectedEdges > 0,
    run: () => void deleteSelection(),
  },
  {
    id: "undo",
    label: "Undo",
    toolbar: "history",
    shortcuts: [{ key: "z", mod: true }],
    enabled: (s) => s.canUndo,
    run: () => flowHistory.undo(),
  },
  {
    id: "redo",
    label: "Redo",
    toolbar: "history",
    // Ctrl+Y as well: Windows programs redo with it.
    shortcuts: [
      { key: "z", mod: true, shift: true },
      { key: "y", mod: true },
    ],
    enabled: (s) => s.canRedo,
    run: () => flowHistory.redo(),
  },
  {
    id: "copy",
    label: "Copy",
    help: "Copy the selected nodes",
    shortcuts: [{ key: "c", mod: true }],
    systemClipboard: "copy",
    enabled: (s) => s.selectedNodes > 0 && !s.textSelected,
    run: () => store().copySelection(),
  },
  {
    id: "paste",
    label: "Paste",
    shortcuts: [{ key: "v", mod: true }],
    systemClipboard: "paste",
    enabled: (s) => s.hasClipboard,
    run: () => store().paste(),
  },
  {
    id: "duplicate",
    label: "Duplicate",
    help: "Duplicate the selected nodes",
    shortcuts: [{ key: "d", mod: true }],
    enabled: (s) => s.selectedNodes > 0,
    run: () => store().duplicateSelection(),
  },
  {
    id: "selectAll",
    label: "Select all",
    help: "Select every node",
    shortcuts: [{ key: "a", mod: true }],
    enabled: (s) => s.hasFlow,
    run: () => store().selectAll(),
  },
  {
    id: "autoLayout",
    label: "Auto-layout",
    title: "Arrange the nodes left to right, inputs before the nodes they feed (undoable)",
    toolbar: "view",
    shortcuts: [],
    enabled: (s) => s.hasNodes,
    run: (controls) => void arrangeNodes(controls),
  },
  {
    id: "fitView",
    label: "Fit view",
    title: "Show every node",
    toolbar: "view",
    shortcuts: [],
    enabled: (s) => s.hasNodes,
    run: (controls) => controls.fitView(),
  },
  {
    id: "showShortcuts",
    label: "Keyboard shortcuts",
    title: "Shortcuts",
    help: "Show this list",
    toolbar: "view",
    shortcuts: [{ key: "?" }],
    enabled: () => true,
    run: () => useCanvasUi.getState().openShortcuts(),
  },
  {
    id: "commandPalette",
    label: "Command palette",
    help: "Find a node to add or go to, or an action",
    shortcuts: [{ key: "k", mod: true }],
    enabled: (s) => s.hasFlow,
    run: () => useCanvasPopup.getState().open({ type: "palette" }),
  },
];

export function editorAction(id: ActionId): EditorAction {
  const action = EDITOR_ACTIONS.find((a) => a.id === id);
  if (!action) throw new Error(`No editor action "${id}"`);
  return action;
}

/** The state the actions are enabled by, as the stores hold it now. */
export function actionState(): ActionState {
  const { flow, selection, selectedNotes, clipboard } = useFlowStore.getState();
  const { pastStates, futureStates } = useFlowStore.temporal.getState();
  return {
    hasFlow: flow !== null,
    hasNodes: (flow?.nodes.length ?? 0) > 0,
    canUndo: pastStates.length > 0,
    canRedo: futureStates.length > 0,
    selectedNodes: selection.length + selectedNotes.length,
    selectedEdges: useCanvasUi.getState().selectedEdges.size,
    hasClipboard: clipboard !== null,
    textSelected: hasTextSelection(),
  };
}

/** actionState, kept current for a component (the toolbar re-renders when it changes). */
export function useActionState(): ActionState {
  const hasFlow = useFlowStore((s) => s.flow !== null);
  const hasNodes = useFlowStore((s) => (s.flow?.nodes.length ?? 0) > 0);
  const canUndo = useStore(useFlowStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useFlowStore.temporal, (s) => s.futureStates.length > 0);
  const selectedNodes = useFlowStore((s) => s.selection.length + s.selectedNotes.length);
  const selectedEdges = useCanvasUi((s) => s.selectedEdges.size);
  const hasClipboard = useFlowStore((s) => s.clipboard !== null);
  // Page text selection has no store to watch; no toolbar action depends on it.
  const textSelected = hasTextSelection();
  return {
    hasFlow,
    hasNodes,
    canUndo,
    canRedo,
    selectedNodes,
    selectedEdges,
    hasClipboard,
    textSelected,
  };
}

/** The toolbar button's tooltip: what it does and its first shortcut, "Undo (Ctrl+Z)". */
export function actionTitle(action: EditorAction, mac?: boolean): string {
  const first = action.shortcuts[0];
  const title = action.title ?? action.label;
  return first ? `${title} (${comboText(first, mac)})` : title;
}
