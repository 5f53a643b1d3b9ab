import type { Position } from "../../engine/flow";
import type { NoteId } from "../../engine/ids";
import {
  addNote,
  addNoteProblem,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  newNote,
} from "../../engine/stickyNotes";
import { useFlowStore } from "../../store/flowStore";
import { requestNoteEdit } from "./notes/noteEditing";
import { placeBoxAt } from "./paletteDrag";

/**
 * Adds an empty sticky note centred on `at` (flow coordinates), or in the free space nearest
 * it, selects it (alone) and opens it for typing; one undo step. Null when refused: no flow open, or the flow's notes at their
 * limit (the canvas notice says so). The one way the UI adds a note (the palette, a menu);
 * load it with import(): the first page does without it.
 */
export function addNoteAt(at: Position): NoteId | null {
  const store = useFlowStore.getState();
  let added: NoteId | null = null;
  store.apply((flow) => {
    const refused = addNoteProblem(flow);
    if (refused) return { ok: false, reason: refused };
    // Centred on `at` when that is free, else the nearest free spot: never over a node or note.
    const size = { width: NOTE_WIDTH.initial, height: NOTE_HEIGHT.initial };
    const note = newNote(flow, placeBoxAt(at, size, [...flow.nodes, ...(flow.notes ?? [])]));
    added = note.id;
    return { ok: true, flow: addNote(flow, note) };
  });
  const id = added as NoteId | null;
  if (id) {
    requestNoteEdit(id);
    store.select([]);
    store.selectNotes([id]);
  }
  return id;
}
