import type { Position, StickyNote } from "../../engine/flow";
import type { NoteId } from "../../engine/ids";
import { noteId } from "../../engine/ids";
import type { NoteCanvasNode } from "./canvasNodeData";
import { RF_NOTE_TYPE } from "./canvasNodeData";

/*
 * Sticky notes on the React Flow canvas. They share React Flow's node list with the flow's
 * nodes, so their ids take a prefix that no node id can have (node ids are letters, digits
 * and _): a note and a node may both be called "note".
 */

const PREFIX = "note:";

export const noteNodeId = (id: string) => `${PREFIX}${id}`;

/** The note a React Flow id stands for, or null for a flow node. */
export const noteOfNodeId = (id: string): NoteId | null =>
  id.startsWith(PREFIX) ? noteId(id.slice(PREFIX.length)) : null;

/** A note being resized: where React Flow's resizer has it now, not yet in the flow. */
export interface NoteFrame {
  position: Position;
  width: number;
  height: number;
}

function firstLine(text: string): string {
  const line = text.trim().split("\n", 1)[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

function toNoteNode(note: StickyNote, selected: boolean, frame?: NoteFrame): NoteCanvasNode {
  const width = frame?.width ?? note.width;
  const height = frame?.height ?? note.height;
  const line = firstLine(note.text);
  return {
    id: noteNodeId(note.id),
    type: RF_NOTE_TYPE,
    position: frame?.position ?? note.position,
    width,
    height,
    measured: { width, height },
    selected,
    ariaLabel: `Note ${note.id}${line ? `: ${line}` : " (empty)"}. Press Enter to edit.`,
    data: { noteId: note.id, text: note.text, color: note.color ?? "yellow" },
  };
}

/**
 * The notes as React Flow nodes, reusing last time's object for a note whose source, selection
 * and resize frame are unchanged (React Flow skips those).
 */
export function createNoteNodeCache() {
  let entries = new Map<string, { source: StickyNote; key: string; node: NoteCanvasNode }>();
  return function toNoteNodes(
    notes: readonly StickyNote[],
    selected: ReadonlySet<NoteId>,
    frames: ReadonlyMap<NoteId, NoteFrame>,
  ): NoteCanvasNode[] {
    const next = new Map<string, { source: StickyNote; key: string; node: NoteCanvasNode }>();
    const result = notes.map((source) => {
      const isSelected = selected.has(source.id);
      const frame = frames.get(source.id);
      const key = `${isSelected}:${frame ? JSON.stringify(frame) : ""}`;
      const old = entries.get(source.id);
      const entry =
        old && old.source === source && old.key === key
          ? old
          : { source, key, node: toNoteNode(source, isSelected, frame) };
      next.set(source.id, entry);
      return entry.node;
    });
    entries = next;
    return result;
  };
}
