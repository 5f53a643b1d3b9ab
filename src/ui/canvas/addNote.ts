import type { Position } from "../../engine/flow";
import type { NoteId } from "../../engine/ids";
import { NOTE_HEIGHT, NOTE_WIDTH } from "../../engine/stickyNotes";
import { useFlowStore } from "../../store/flowStore";
import { requestNoteEdit } from "./notes/noteEditing";

/**
 * Adds an empty sticky note centred on `at` (flow coordinates), selects it and opens it for
 * typing; one undo step. Null when refused (no flow open, or the flow's notes are at their
 * limit: the canvas notice says so). The one way the UI adds a note: the palette, a menu.
 */
export function addNoteAt(at: Position): NoteId | null {
  const store = useFlowStore.getState();
  if (!store.flow) return null;
  const id = store.addNote({
    x: at.x - NOTE_WIDTH.initial / 2,
    y: at.y - NOTE_HEIGHT.initial / 2,
  });
  if (id) requestNoteEdit(id);
  return id;
}
