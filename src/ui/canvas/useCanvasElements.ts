import type { EdgeChange, NodeChange } from "@xyflow/react";
import { useCallback, useMemo, useRef, useState } from "react";
import type { Position } from "../../engine/flow";
import type { NodeId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";
import { useStudio } from "../../store/studioStore";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { createCanvasEdgeCache, createCanvasNodeCache, edgeId, type Size } from "./canvasNodes";
import { useCanvasUi } from "./canvasUiStore";
import { useMemoryColors, useNodeProblems } from "./flowDerived";
import { effectiveMoves, planNodeChanges } from "./nodeChanges";
import { withFlowingEdges } from "./nodeRunView";

/**
 * React Flow's nodes and edges, derived from the flow store, and the change handlers that turn
 * React Flow's change objects back into store actions. `beforeMove` runs before a move is
 * applied (the drag history uses it). `only`, on a large flow, limits them to the nodes drawn
 * and the connections between them.
 */
export function useCanvasElements(beforeMove: () => void, only?: ReadonlySet<NodeId>) {
  const flow = useFlowStore((s) => s.flow);
  const selection = useFlowStore((s) => s.selection);
  const problems = useNodeProblems();
  const colors = useMemoryColors();
  const selectedEdges = useCanvasUi((s) => s.selectedEdges);
  const liveRun = useStudio((s) => s.liveRun);

  // Sizes are React Flow's measurements, not part of the flow: kept here, per canvas view.
  const [measured] = useState(() => new Map<NodeId, Size>());
  // Bumped when React Flow reports new sizes: the nodes are rebuilt to carry them.
  const [sizesVersion, setSizesVersion] = useState(0);
  const [toCanvasNodes] = useState(createCanvasNodeCache);
  const draggedRef = useRef<Map<NodeId, Position> | null>(null);
  const [toCanvasEdges] = useState(createCanvasEdgeCache);

  // Where dragged nodes are while the drag lasts. The store gets the drop once: a store update
  // per frame re-ran every subscriber and cost most of the frame on large flows.
  const [dragged, setDragged] = useState<ReadonlyMap<NodeId, Position> | null>(null);

  const selected = useMemo(() => new Set(selection), [selection]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: sizesVersion stands for the contents of `measured`
  const stored = useMemo(() => {
    if (!flow) return [];
    const drawn = only ? flow.nodes.filter((n) => only.has(n.id)) : flow.nodes;
    return toCanvasNodes(drawn, selected, problems, colors, measured);
  }, [flow, selected, problems, colors, measured, toCanvasNodes, sizesVersion, only]);
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
    const drawn = only
      ? flowEdges.filter((e) => only.has(e.source) && only.has(e.target))
      : flowEdges;
    return withFlowingEdges(toCanvasEdges(drawn, selectedEdges), liveRun);
  }, [flowEdges, selectedEdges, toCanvasEdges, only, liveRun]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const store = useFlowStore.getState();
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
        const all = new Map(plan.moves);
        for (const id of plan.dropped) {
          const at = draggedRef.current?.get(id);
          if (at && !all.has(id)) all.set(id, at);
        }
        const moves = effectiveMoves(store.flow?.nodes ?? [], all);
        if (moves.size > 0) {
          beforeMove();
          store.moveNodes(moves);
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

  return { nodes, edges, onNodesChange, onEdgesChange };
}
