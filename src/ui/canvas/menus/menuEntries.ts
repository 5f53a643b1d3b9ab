import type { NodeKind, Position } from "../../../engine/flow";
import { addProblem, removeEdges } from "../../../engine/flowEdits";
import type { NodeId } from "../../../engine/ids";
import { NODE_KINDS } from "../../../engine/nodeKinds";
import { useFlowStore } from "../../../store/flowStore";
import type { CanvasControls } from "../canvasActions";
import { edgeId } from "../canvasNodes";
import { useCanvasUi } from "../canvasUiStore";
import { type ActionId, actionState, editorAction } from "../editorActions";
import { comboText } from "../keyCombos";
import { placeNodeAt } from "../paletteDrag";
import { openRunFromHere } from "../runFromHere/openRunFromHere";
import { selectionJson } from "../systemClipboard";
import type { MenuTarget, QuickAddRequest } from "./canvasPopup";
import { connectedNodeEdit, quickAddKinds } from "./quickAdd";

/** One line of a menu. A disabled one is shown (so the user learns it exists) but does nothing. */
export interface MenuEntry {
  id: string;
  label: string;
  /** The keys that do the same, shown beside it ("Ctrl+D"). */
  shortcut?: string;
  disabled?: boolean;
  /** Starts a new group: a separator is drawn above it. */
  groupStart?: boolean;
  run(): void;
}

export interface Menu {
  label: string;
  entries: MenuEntry[];
}

const store = () => useFlowStore.getState();

/** An editor action (editorActions.ts) as a menu line: the toolbar's and keyboard's own code. */
function actionEntry(id: ActionId, controls: CanvasControls, label?: string): MenuEntry {
  const action = editorAction(id);
  const first = action.shortcuts[0];
  return {
    id,
    label: label ?? action.label,
    ...(first && { shortcut: comboText(first) }),
    disabled: !action.enabled(actionState()),
    run: () => action.run(controls),
  };
}

/** The connections touching the selected nodes, removed as one undo step. */
function disconnectSelection() {
  const chosen = new Set<NodeId>(store().selection);
  store().apply((flow) => ({
    ok: true,
    flow: removeEdges(flow, (e) => chosen.has(e.source) || chosen.has(e.target)),
  }));
}

function nodeMenu(controls: CanvasControls): Menu {
  const { flow, selection } = store();
  const chosen = new Set<string>(selection);
  const connected = flow?.edges.some((e) => chosen.has(e.source) || chosen.has(e.target)) ?? false;
  const copy = actionEntry("copy", controls);
  return {
    label: selection.length === 1 ? `Node ${selection[0]}` : `${selection.length} selected nodes`,
    entries: [
      actionEntry("duplicate", controls),
      {
        ...copy,
        run: () => {
          copy.run();
          // No copy event comes from a menu: the system clipboard is written here instead, so
          // the nodes can be pasted in another tab as after Ctrl+C. Refused (no permission,
          // no focus): the copy in this tab still stands.
          const json = selectionJson();
          if (json) void navigator.clipboard?.writeText(json).catch(() => {});
        },
      },
      {
        id: "disconnect",
        label: "Disconnect",
        disabled: !connected,
        run: disconnectSelection,
      },
      {
        id: "runFromHere",
        label: "Run from here…",
        // One node at a time: the form runs that node alone (docs/ui.md, Runs on the canvas).
        disabled: selection.length !== 1,
        groupStart: true,
        run: () => {
          const only = selection[0];
          if (only) openRunFromHere(only);
        },
      },
      { ...actionEntry("delete", controls), groupStart: true },
    ],
  };
}

function edgeMenu(id: string): Menu {
  const edge = store().flow?.edges.find((e) => edgeId(e) === id);
  return {
    label: edge ? `Connection ${edge.source} to ${edge.target}` : "Connection",
    entries: [
      {
        id: "deleteEdge",
        label: "Delete connection",
        disabled: !edge,
        run: () => {
          if (!edge) return;
          store().removeEdge(edge.source, edge.target);
          const selected = new Set(useCanvasUi.getState().selectedEdges);
          if (selected.delete(id)) useCanvasUi.getState().setSelectedEdges(selected);
        },
      },
    ],
  };
}

/** "Add LLM node" for every kind; one this flow cannot take (a second Input) is disabled. */
function addEntries(add: (kind: NodeKind) => void, allowed: (kind: NodeKind) => boolean) {
  return (Object.keys(NODE_KINDS) as NodeKind[]).map((kind) => ({
    id: `add-${kind}`,
    label: `Add ${NODE_KINDS[kind].label} node`,
    disabled: !allowed(kind),
    run: () => add(kind),
  }));
}

function paneMenu(at: Position, controls: CanvasControls): Menu {
  const flow = store().flow;
  return {
    label: "Canvas",
    entries: [
      ...addEntries(
        (kind) => store().addNode(kind, placeNodeAt(at, store().flow?.nodes ?? [])),
        (kind) => !!flow && addProblem(flow, kind) === null,
      ),
      // "Add note" belongs here once the canvas has notes.
      { ...actionEntry("paste", controls), groupStart: true },
      { ...actionEntry("autoLayout", controls), groupStart: true },
      actionEntry("fitView", controls),
    ],
  };
}

/**
 * The context menu of a node (with the rest of the selection), a connection or the pane;
 * `at` is the flow point under where it opened.
 */
export function contextMenu(target: MenuTarget, at: Position, controls: CanvasControls): Menu {
  switch (target.kind) {
    case "node":
      return nodeMenu(controls);
    case "edge":
      return edgeMenu(target.edgeId);
    case "pane":
      return paneMenu(at, controls);
  }
}

/** The quick-add picker: the kinds that can connect to the handle the line came from. */
export function quickAddMenu(request: QuickAddRequest): Menu {
  const flow = store().flow;
  const kinds = flow ? quickAddKinds(flow, request) : [];
  const direction = request.handle === "source" ? "after" : "before";
  return {
    label: `Add a node ${direction} ${request.from}`,
    entries: kinds.map((kind) => ({
      id: `add-${kind}`,
      label: `${NODE_KINDS[kind].label} node`,
      run: () => {
        let id: NodeId | undefined;
        const added = store().apply((current) => {
          const result = connectedNodeEdit(current, kind, request);
          id = result.id;
          return result;
        });
        if (added && id) store().select([id]);
      },
    })),
  };
}
