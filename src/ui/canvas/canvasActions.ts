import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useMemo } from "react";
import { removeEdges, removeNodes } from "../../engine/flowEdits";
import type { NodeId, NoteId } from "../../engine/ids";
import { removeNotes } from "../../engine/noteList";
import { useFlowStore } from "../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { edgeId } from "./canvasNodes";
import { useCanvasUi } from "./canvasUiStore";
import { FIT_VIEW_OPTIONS, motionDuration } from "./canvasView";
import { fitFlowViewport } from "./window/fitFlow";

/** What actions need of the canvas on screen (React Flow's view of it), beyond the stores. */
export interface CanvasControls {
  /** Moves the camera to show every node. */
  fitView(): void;
  /** A node's size as rendered, once React Flow has measured it. */
  measuredSize(id: NodeId): { width: number; height: number } | undefined;
}

/** The canvas controls of the React Flow instance around the caller (see CanvasProvider). */
export function useCanvasControls(): CanvasControls {
  const { fitView, getInternalNode, setViewport } = useReactFlow<CanvasNode, CanvasEdge>();
  const rf = useStoreApi<CanvasNode, CanvasEdge>();
  return useMemo(
    () => ({
      fitView: () => {
        const nodes = useFlowStore.getState().flow?.nodes ?? [];
        const { width, height, nodeLookup } = rf.getState();
        // Every node drawn (the usual case): React Flow fits them by their measured sizes.
        if (nodes.every((n) => nodeLookup.has(n.id))) {
          void fitView({ ...FIT_VIEW_OPTIONS, duration: motionDuration() });
          return;
        }
        // React Flow knows only the nodes drawn near the view: fit all of them by position.
        const view = fitFlowViewport(nodes, { width, height }, (n) => {
          const { width: w, height: h } = getInternalNode(n.id)?.measured ?? {};
          return w && h ? { width: w, height: h } : undefined;
        });
        if (view) void setViewport(view, { duration: motionDuration() });
      },
      measuredSize: (id) => {
        const { width, height } = getInternalNode(id)?.measured ?? {};
        return width && height ? { width, height } : undefined;
      },
    }),
    [fitView, getInternalNode, setViewport, rf],
  );
}

/** Deletes the selected nodes, connections and notes as one undoable edit. */
export function deleteSelection(): boolean {
  const store = useFlowStore.getState();
  const { flow, selection, selectedNotes } = store;
  if (!flow) return false;
  const edgeIds = useCanvasUi.getState().selectedEdges;
  const nodes = new Set<NodeId>(selection);
  const notes = new Set<NoteId>(selectedNotes);
  const edges = flow.edges.filter((e) => edgeIds.has(edgeId(e)));
  if (nodes.size === 0 && edges.length === 0 && notes.size === 0) return false;
  // One apply, not removeNodes then removeEdge, so one Ctrl+Z brings them all back.
  store.apply((f) => ({
    ok: true,
    flow: removeNotes(
      removeEdges(removeNodes(f, nodes), (e) => edgeIds.has(edgeId(e))),
      notes,
    ),
  }));
  store.select([]);
  store.selectNotes([]);
  useCanvasUi.getState().setSelectedEdges(new Set());
  return true;
}

/** Lays the nodes out left to right (one undo step), then fits them in view. */
export async function arrangeNodes(controls: CanvasControls): Promise<void> {
  // dagre loads on the first use: it is not needed to open the app.
  const { autoLayout, layoutRefusal } = await import("./autoLayout");
  const { flow, moveNodes, showNotice } = useFlowStore.getState();
  if (!flow) return;
  const refusal = layoutRefusal(flow.nodes.length);
  if (refusal) return showNotice(refusal);
  const positions = autoLayout(flow, controls.measuredSize);
  const moved = flow.nodes.some((n) => {
    const p = positions.get(n.id);
    return p && (p.x !== n.position.x || p.y !== n.position.y);
  });
  // Already laid out: no empty step in the undo history.
  if (!moved) return controls.fitView();
  moveNodes(positions);
  // The canvas receives the new positions on its next render; fit after it.
  requestAnimationFrame(() => controls.fitView());
}

/** Text the user selected on the page (a chat reply, say): theirs to copy, not the nodes. */
export function hasTextSelection(): boolean {
  const s = typeof window !== "undefined" ? window.getSelection() : null;
  return !!s && !s.isCollapsed && s.toString().trim() !== "";
}
