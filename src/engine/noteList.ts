import type { Flow, Position, StickyNote } from "./flow";
import type { NoteId } from "./ids";
import { noteId } from "./ids";

/*
 * The sticky-note edits every flow edit may meet (paste, move, delete): kept small, as they
 * load with the first page. Adding and changing notes is in stickyNotes.ts, loaded with them.
 */

/** A flow holds at most this many notes: a large flow's canvas draws them all. */
export const NOTES_MAX = 500;

/** The flow's notes, however the file had them (absent: none). */
export const notesOf = (flow: Pick<Flow, "notes">): StickyNote[] => flow.notes ?? [];

/** The first free note id of the form note, note_2, note_3… */
export function uniqueNoteId(
  notes: readonly StickyNote[],
  taken: ReadonlySet<string> = new Set(),
): NoteId {
  const used = new Set([...notes.map((n) => n.id as string), ...taken]);
  let id = "note";
  for (let i = 2; used.has(id); i++) id = `note_${i}`;
  return noteId(id);
}

/** The flow with these notes; none leaves no `notes` field (its file stays as before notes). */
function withNotes(flow: Flow, notes: StickyNote[]): Flow {
  const { notes: _replaced, ...rest } = flow;
  return notes.length > 0 ? { ...rest, notes } : rest;
}

export const removeNotes = (flow: Flow, ids: ReadonlySet<NoteId>): Flow =>
  ids.size === 0
    ? flow
    : withNotes(
        flow,
        notesOf(flow).filter((n) => !ids.has(n.id)),
      );

export const moveNotes = (flow: Flow, positions: ReadonlyMap<NoteId, Position>): Flow =>
  positions.size === 0
    ? flow
    : withNotes(
        flow,
        notesOf(flow).map((n) => {
          const p = positions.get(n.id);
          return p ? { ...n, position: { ...n.position, x: p.x, y: p.y } } : n;
        }),
      );

/**
 * Copies of `notes` with fresh ids, moved by `offset`, added to the flow (a paste or a
 * duplicate). Those past NOTES_MAX are left out.
 */
export function pasteNotes(
  flow: Flow,
  notes: readonly StickyNote[],
  offset: Position,
): { flow: Flow; ids: NoteId[] } {
  const taken = new Set<string>();
  const copies = notes.slice(0, Math.max(0, NOTES_MAX - notesOf(flow).length)).map((note) => {
    const id = uniqueNoteId(notesOf(flow), taken);
    taken.add(id);
    const { x, y } = note.position;
    const position = { ...note.position, x: x + offset.x, y: y + offset.y };
    return { ...structuredClone(note), id, position };
  });
  return {
    flow: copies.length > 0 ? withNotes(flow, [...notesOf(flow), ...copies]) : flow,
    ids: copies.map((n) => n.id),
  };
}
