import type { Flow, Position, StickyNote } from "./flow";
import type { NoteId } from "./ids";
import { noteId } from "./ids";

/*
 * Sticky notes (version 3): pure edits, as flowEdits.ts has for nodes. A note is not a node:
 * it lives in `flow.notes`, apart from the graph, so validation, runs and exports of the
 * graph never see it. The limits below are the file format's (docs/flow-format.md).
 */

/** A note's text is at most this many characters (UTF-16 code units, as JavaScript counts). */
export const NOTE_TEXT_MAX = 10_000;
/** A flow holds at most this many notes: a large flow's canvas draws them all. */
export const NOTES_MAX = 500;
export const NOTE_WIDTH = { min: 120, max: 1200, initial: 240 } as const;
export const NOTE_HEIGHT = { min: 60, max: 1200, initial: 160 } as const;

/** The flow's notes, however the file had them (absent: none). */
export const notesOf = (flow: Pick<Flow, "notes">): StickyNote[] => flow.notes ?? [];

const clamp = (value: number, { min, max }: { min: number; max: number }) =>
  Math.min(max, Math.max(min, Math.round(value)));

/** A width and height within the format's bounds, in whole pixels. */
export function noteSize(width: number, height: number): { width: number; height: number } {
  return { width: clamp(width, NOTE_WIDTH), height: clamp(height, NOTE_HEIGHT) };
}

/** The first free note id of the form note, note_2, note_3… */
function uniqueNoteId(notes: readonly StickyNote[], taken: ReadonlySet<string>): NoteId {
  const used = new Set([...notes.map((n) => n.id as string), ...taken]);
  if (!used.has("note")) return noteId("note");
  for (let i = 2; ; i++) if (!used.has(`note_${i}`)) return noteId(`note_${i}`);
}

/** Why no note can be added now, or null. */
export function addNoteProblem(flow: Pick<Flow, "notes">, count = 1): string | null {
  return notesOf(flow).length + count > NOTES_MAX
    ? `A flow holds at most ${NOTES_MAX} notes; delete one first.`
    : null;
}

/** A new, empty note with its top-left corner at `position`. */
export function newNote(flow: Pick<Flow, "notes">, position: Position, text = ""): StickyNote {
  return {
    id: uniqueNoteId(notesOf(flow), new Set()),
    text: text.slice(0, NOTE_TEXT_MAX),
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    width: NOTE_WIDTH.initial,
    height: NOTE_HEIGHT.initial,
  };
}

export function addNote(flow: Flow, note: StickyNote): Flow {
  return { ...flow, notes: [...notesOf(flow), note] };
}

/** What an edit may change in a note; the text is cut to NOTE_TEXT_MAX, sizes kept in bounds. */
export type NotePatch = Partial<Pick<StickyNote, "text" | "position" | "width" | "height" | "color">>;

export function updateNote(flow: Flow, id: NoteId, patch: NotePatch): Flow {
  if (!notesOf(flow).some((n) => n.id === id)) return flow;
  return {
    ...flow,
    notes: notesOf(flow).map((note) => {
      if (note.id !== id) return note;
      const next: StickyNote = { ...note, ...patch };
      if (patch.text !== undefined) next.text = patch.text.slice(0, NOTE_TEXT_MAX);
      if (patch.width !== undefined || patch.height !== undefined)
        Object.assign(next, noteSize(next.width, next.height));
      if (patch.position) next.position = { ...note.position, ...patch.position };
      if (Object.hasOwn(patch, "color") && patch.color === undefined) delete next.color;
      return next;
    }),
  };
}

/** Removes notes; a flow left with none keeps no empty list (its file stays as before notes). */
export function removeNotes(flow: Flow, ids: ReadonlySet<NoteId>): Flow {
  if (ids.size === 0 || flow.notes === undefined) return flow;
  const notes = flow.notes.filter((n) => !ids.has(n.id));
  if (notes.length === flow.notes.length) return flow;
  const { notes: _gone, ...rest } = flow;
  return notes.length > 0 ? { ...rest, notes } : rest;
}

export function moveNotes(flow: Flow, positions: ReadonlyMap<NoteId, Position>): Flow {
  if (positions.size === 0 || flow.notes === undefined) return flow;
  return {
    ...flow,
    notes: flow.notes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: { ...n.position, x: p.x, y: p.y } } : n;
    }),
  };
}

/**
 * Copies of `notes` with fresh ids, moved by `offset`, added to the flow (a paste or a
 * duplicate). Past NOTES_MAX, the rest are left out and counted.
 */
export function pasteNotes(
  flow: Flow,
  notes: readonly StickyNote[],
  offset: Position,
): { flow: Flow; ids: NoteId[]; leftOut: number } {
  const room = Math.max(0, NOTES_MAX - notesOf(flow).length);
  const taken = new Set<string>();
  const copies = notes.slice(0, room).map((note) => {
    const id = uniqueNoteId(notesOf(flow), taken);
    taken.add(id);
    const copy = structuredClone(note);
    return {
      ...copy,
      id,
      position: { ...copy.position, x: note.position.x + offset.x, y: note.position.y + offset.y },
    };
  });
  return {
    flow: copies.length > 0 ? { ...flow, notes: [...notesOf(flow), ...copies] } : flow,
    ids: copies.map((n) => n.id),
    leftOut: notes.length - copies.length,
  };
}
