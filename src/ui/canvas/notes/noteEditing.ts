import type { NoteId } from "../../../engine/ids";

/*
 * A note added from the palette (or any other place that adds one) opens for typing as soon as
 * it is drawn: the note's component takes the request when it mounts.
 */
let requested: NoteId | null = null;

export function requestNoteEdit(id: NoteId): void {
  requested = id;
}

/** True once for the note that was asked to open for typing. */
export function takeNoteEdit(id: NoteId): boolean {
  if (requested !== id) return false;
  requested = null;
  return true;
}
