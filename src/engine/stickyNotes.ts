import type { Flow, Position, StickyNote } from "./flow";
import type { NoteId } from "./ids";
import { NOTES_MAX, notesOf, uniqueNoteId } from "./noteList";

/*
 * Sticky notes (version 3): pure edits, as flowEdits.ts has for nodes. A note is not a node:
 * it lives in `flow.notes`, apart from the graph, so validation, runs and exports of the
 * graph never see it. The limits below are the file format's (docs/flow-format.md). What the
 * first page needs of notes (paste, move, delete) is in noteList.ts; this loads with the notes.
 */

/** One of a sticky note's colours (version 3); absent in a file: the first, yellow. */
export const NOTE_COLORS = ["yellow", "blue", "green", "pink", "gray"] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

/** A note's text is at most this many characters (UTF-16 code units, as JavaScript counts). */
export const NOTE_TEXT_MAX = 10_000;
export const NOTE_WIDTH = { min: 120, max: 1200, initial: 240 } as const;
export const NOTE_HEIGHT = { min: 60, max: 1200, initial: 160 } as const;

const clamp = (value: number, { min, max }: { min: number; max: number }) =>
  Math.min(max, Math.max(min, Math.round(value)));

/** A width and height within the format's bounds, in whole pixels. */
export function noteSize(width: number, height: number): { width: number; height: number } {
  return { width: clamp(width, NOTE_WIDTH), height: clamp(height, NOTE_HEIGHT) };
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
    id: uniqueNoteId(notesOf(flow)),
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
export type NotePatch = Partial<
  Pick<StickyNote, "text" | "position" | "width" | "height" | "color">
>;

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
