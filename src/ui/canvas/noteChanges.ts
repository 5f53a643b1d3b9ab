import type { NodeChange } from "@xyflow/react";
import type { NoteId } from "../../engine/ids";
import { type NoteFrame, noteOfNodeId } from "./canvasNotes";

/** What a batch of React Flow changes means for the notes in it. */
export interface NoteChangePlan {
  /** The changes left for planNodeChanges: every flow node's, and a note's drag. */
  changes: NodeChange[];
  /** The new note selection, or null when the batch does not change it. */
  noteSelection: NoteId[] | null;
  /** Notes being resized: their frame now (shown, not stored). */
  frames: Map<NoteId, NoteFrame>;
  /** Notes whose resize just ended, with their final size: store it. */
  ended: Map<NoteId, { width: number; height: number }>;
}

/**
 * Takes the notes' own changes out of a batch. React Flow's NodeResizer sends, per frame, a
 * position change (when the top or left edge moves) and a dimensions change with
 * `resizing: true`, then one with `resizing: false` at the end. A note's size is its own (set
 * by the flow), so a measured size is dropped; its drag goes on like a node's.
 * `frameOf` gives a note's frame before this batch (the last resize frame, or the flow's).
 */
export function splitNoteChanges(
  all: readonly NodeChange[],
  selectedNotes: readonly NoteId[],
  frameOf: (id: NoteId) => NoteFrame | undefined,
): NoteChangePlan {
  const changes: NodeChange[] = [];
  const selected = new Set(selectedNotes);
  let selectionChanged = false;
  const frames = new Map<NoteId, NoteFrame>();
  const ended = new Map<NoteId, { width: number; height: number }>();
  const resizedNow = new Set(
    all.flatMap((c) => (c.type === "dimensions" && c.resizing === true ? [c.id] : [])),
  );
  const frame = (id: NoteId) => frames.get(id) ?? frameOf(id);

  for (const change of all) {
    const id = change.type === "add" ? null : noteOfNodeId(change.id);
    if (id === null) {
      changes.push(change);
      continue;
    }
    if (change.type === "select") {
      if (change.selected !== selected.has(id)) {
        selectionChanged = true;
        if (change.selected) selected.add(id);
        else selected.delete(id);
      }
    } else if (change.type === "position" && resizedNow.has(change.id)) {
      const before = frame(id);
      if (before && change.position) frames.set(id, { ...before, position: change.position });
    } else if (change.type === "dimensions" && change.dimensions) {
      if (change.resizing === true) {
        const before = frame(id);
        if (before) frames.set(id, { ...before, ...change.dimensions });
      } else if (change.resizing === false) {
        ended.set(id, { ...change.dimensions });
      }
      // A plain measurement: the note's size is the flow's, nothing to keep.
    } else if (change.type === "position") {
      changes.push(change);
    }
  }
  return {
    changes,
    noteSelection: selectionChanged ? [...selected] : null,
    frames,
    ended,
  };
}
