import type { NodeChange } from "@xyflow/react";
import type { Position } from "../../engine/flow";
import type { NodeId } from "../../engine/ids";
import type { Size } from "./canvasNodes";

/** What a batch of React Flow node changes means for the flow store. */
export interface NodeChangePlan {
  /** Moves to store now: not part of a drag in progress (keyboard moves, layout). */
  moves: Map<NodeId, Position>;
  /** Where nodes being dragged are now: shown by the canvas, stored at the drop. */
  dragging: Map<NodeId, Position>;
  /** Nodes whose drag just ended: store where the drag left them. */
  dropped: NodeId[];
  /** The new selection, or null when the batch does not change it. */
  selection: NodeId[] | null;
  remove: NodeId[];
  /** Sizes React Flow measured: kept by the canvas, never stored in the flow. */
  measured: [NodeId, Size][];
}

/**
 * Sorts React Flow's change objects into store actions. Selection keeps the order nodes were
 * selected in (the store's contract), so newly selected ids go at the end.
 */
export function planNodeChanges(
  changes: readonly NodeChange[],
  selection: readonly NodeId[],
): NodeChangePlan {
  const moves = new Map<NodeId, Position>();
  const dragging = new Map<NodeId, Position>();
  const dropped: NodeId[] = [];
  const remove: NodeId[] = [];
  const measured: [NodeId, Size][] = [];
  const selected = new Set<NodeId>(selection);
  let selectionChanged = false;

  for (const change of changes) {
    switch (change.type) {
      case "position":
        if (change.dragging) {
          if (change.position) dragging.set(change.id as NodeId, change.position);
        } else {
          // The drop (dragging: false) may or may not repeat the position.
          if (change.dragging === false) dropped.push(change.id as NodeId);
          if (change.position) moves.set(change.id as NodeId, change.position);
        }
        break;
      case "select": {
        const id = change.id as NodeId;
        if (change.selected !== selected.has(id)) {
          selectionChanged = true;
          if (change.selected) selected.add(id);
          else selected.delete(id);
        }
        break;
      }
      case "remove":
        remove.push(change.id as NodeId);
        break;
      case "dimensions":
        if (change.dimensions) measured.push([change.id as NodeId, change.dimensions]);
        break;
      default:
        // "add" and "replace" come only from React Flow's own setNodes, which this canvas never calls.
        break;
    }
  }
  return {
    moves,
    dragging,
    dropped,
    selection: selectionChanged ? [...selected] : null,
    remove,
    measured,
  };
}

/**
 * The moves that actually move something. A click with a tremor starts a drag that snaps back
 * to the same grid point; recording it would leave an undo step that changes nothing.
 */
export function effectiveMoves<Id extends string>(
  nodes: readonly { id: Id; position: Position }[],
  moves: ReadonlyMap<Id, Position>,
): Map<Id, Position> {
  const result = new Map<Id, Position>();
  if (moves.size === 0) return result;
  for (const node of nodes) {
    const to = moves.get(node.id);
    if (to && (to.x !== node.position.x || to.y !== node.position.y)) result.set(node.id, to);
  }
  return result;
}
