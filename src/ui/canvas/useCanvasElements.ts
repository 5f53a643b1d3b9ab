import type { EdgeChange, NodeChange } from "@xyflow/react";
import { useCallback, useMemo, useReducer, useRef, useState } from "react";
import type { Position } from "../../engine/flow";
import type { NodeId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";
import { useStudio } from "../../store/studioStore";
import { useLazyModule } from "../common/useLazyModule";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { createCanvasEdgeCache, createCanvasNodeCache, edgeId, type Size } from "./canvasNodes";
import { useCanvasUi } from "./canvasUiStore";
import { useMemoryColors, useNodeProblems, useSharedMemories } from "./flowDerived";
import { effectiveMoves, planNodeChanges } from "./nodeChanges";
import { withFlowingEdges } from "./nodeRunView";
import { nodeTypes } from "./nodes/nodeTypes";

const loadNoteLayer = () => import("./notes/noteLayer");

/**
 * React Flow's nodes and edges, derived from the flow store, and the change handlers that turn
 * React Flow's change objects back into store actions. `beforeMove` runs before a move is
 * applied (the drag history uses it). `only` limits them to the nodes drawn near the view
 * (window/useNodeWindow.ts) and the connections between them.
 */
export function useCanvasElements(beforeMove: () => void, only: ReadonlySet<NodeId>) {
  const flow = useFlowStore((s) => s.flow);
  const selection = useFlowStore((s) => s.selection);
  const selectedNotes = useFlowStore((s) => s.selectedNotes);
  const problems = useNodeProblems();
  const colors = useMemoryColors();
  const selectedEdges = useCanvasUi((s) => s.selectedEdges);
  const liveRun = useStudio((s) => s.liveRun);
  const shared = useSharedMemories();

  // Sizes are React Flow's measurements, not part of the flow: kept here, per canvas view.
  const [measured] = useState(() => new Map<NodeId, Size>());
  // Bumped when React Flow reports new sizes: the nodes are rebuilt to carry them.
  const [sizesVersion, setSizesVersion] = useState(0);
  const [toCanvasNodes] = useState(createCanvasNodeCache);
  const draggedRef = useRef<Map<NodeId, Position> | null>(null);
  const [toCanvasEdges] = useState(createCanvasEdgeCache);
  // Sticky notes: their code loads with the first flow that has one.
  const noteLayer = useLazyModule(loadNoteLayer, !!flow?.notes?.length);
  const [noteFrame, redrawNotes] = useReducer((n: number) => n + 1, 0);
  const noteCanvas = useMemo(() => noteLayer?.createNoteCanvas(redrawNotes), [noteLayer]);
  const noteRef = useRef(noteCanvas);
  noteRef.current = noteCanvas;

  // Where dragged nodes are while the drag lasts. The store gets the drop once: a store update
  // per frame re-ran every subscriber and cost most of the frame on large flows.
  const [dragged, setDragged] = useState<ReadonlyMap<NodeId, Position> | null>(null);

  const selected = useMemo(() => new Set(selection), [selection]);
  // Notes first, so they are drawn under the nodes they annotate. Every note is drawn (a flow
  // holds at most NOTES_MAX), not only those near the view.
  const flowNotes = flow?.notes;
  // biome-ignore lint/correctness/useExhaustiveDependencies: noteFrame stands for a resize frame
  const notes = useMemo(
    () => (flowNotes && noteCanvas ? noteCanvas.nodes(flowNotes, selectedNotes) : []),
    [flowNotes, selectedNotes, noteCanvas, noteFrame],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: sizesVersion stands for the contents of `measured`
  const flowNodes = useMemo(() => {
    if (!flow) return [];
    const drawn = flow.nodes.filter((n) => only.has(n.id));
    return toCanvasNodes(drawn, selected, problems, colors, measured, shared);
  }, [flow, selected, problems, colors, measured, toCanvasNodes, sizesVersion, only, shared]);
  const stored = useMemo<CanvasNode[]>(
    () => (notes.length === 0 ? flowNodes : [...notes, ...flowNodes]),
    [notes, flowNodes],
  );
  const nodes = useMemo(() => {
    if (!dragged) return stored;
    return stored.map((n) => {
      const position = dragged.get(n.id as NodeId);
      return position ? { ...n, position } : n;
    });
  }, [stored, dragged]);
  // Keyed on the edges alone: a drag changes the flow every frame but not its edges, and a new
  // edges array makes React Flow rebuild its connection lookup.
  const flowEdges = flow?.edges;
  const edges = useMemo(() => {
    if (!flowEdges) return [];
    const drawn = flowEdges.filter((e) => only.has(e.source) && only.has(e.target));
    return withFlowingEdges(toCanvasEdges(drawn, selectedEdges), liveRun);
  }, [flowEdges, selectedEdges, toCanvasEdges, only, liveRun]);

  const onNodesChange = useCallback(
    (all: NodeChange<CanvasNode>[]) => {
      const store = useFlowStore.getState();
      // No note is drawn before the note layer is here, so no change can be a note's.
      const notes = noteRef.current;
      const changes = notes ? notes.take(all) : all;
      const plan = planNodeChanges(changes, store.selection);
      let resized = false;
      for (const [id, size] of plan.measured) {
        const old = measured.get(id);
        if (old?.width === size.width && old?.height === size.height) continue;
        measured.set(id, size);
        resized = true;
      }
      if (resized) setSizesVersion((v) => v + 1);
      if (plan.remove.length > 0) store.removeNodes(plan.remove);
      if (plan.dragging.size > 0) {
        draggedRef.current = new Map([...(draggedRef.current ?? []), ...plan.dragging]);
        setDragged(draggedRef.current);
      }
      if (plan.dropped.length > 0 || plan.moves.size > 0) {
        // The drop: where the drag left each node (a drop may carry no position of its own).
        const all = new Map<string, Position>(plan.moves);
        for (const id of plan.dropped) {
          const at = draggedRef.current?.get(id);
          if (at && !all.has(id)) all.set(id, at);
        }
        const { nodes: moves, notes: noteMoves } = notes
          ? notes.moves(all)
          : { nodes: effectiveMoves(store.flow?.nodes ?? [], all as Map<NodeId, Position>) };
        if (moves.size > 0 || (noteMoves && noteMoves.size > 0)) {
          beforeMove();
          store.moveNodes(moves, noteMoves);
        }
        if (plan.dropped.length > 0) {
          draggedRef.current = null;
          setDragged(null);
        }
      }
      if (plan.selection) store.select(plan.selection);
    },
    [measured, beforeMove],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => {
    const ui = useCanvasUi.getState();
    let nextSelected: Set<string> | null = null;
    for (const change of changes) {
      if (change.type === "select") {
        nextSelected ??= new Set(ui.selectedEdges);
        if (change.selected) nextSelected.add(change.id);
        else nextSelected.delete(change.id);
      } else if (change.type === "remove") {
        const store = useFlowStore.getState();
        const edge = store.flow?.edges.find((e) => edgeId(e) === change.id);
        if (edge) store.removeEdge(edge.source, edge.target);
      }
    }
    if (nextSelected) ui.setSelectedEdges(nextSelected);
  }, []);

  // The note's node type comes with the note layer.
  const types = noteLayer?.nodeTypesWithNotes ?? nodeTypes;
  return { nodes, edges, onNodesChange, onEdgesChange, nodeTypes: types };
}
