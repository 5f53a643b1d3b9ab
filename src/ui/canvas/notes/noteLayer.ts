import type { NodeChange } from "@xyflow/react";
import type { Position, StickyNote } from "../../../engine/flow";
import type { NodeId, NoteId } from "../../../engine/ids";
import { updateNote } from "../../../engine/stickyNotes";
import { useFlowStore } from "../../../store/flowStore";
import { RF_NOTE_TYPE } from "../canvasNodeData";
import { createNoteNodeCache, type NoteFrame, noteOfNodeId } from "../canvasNotes";
import { effectiveMoves } from "../nodeChanges";
import { nodeTypes } from "../nodes/nodeTypes";
import { splitNoteChanges } from "../noteChanges";
import NoteNode from "./NoteNode";

/*
 * What a canvas does with sticky notes, loaded with the first flow that has one (or the
 * first note added): most flows never need it, so the first page does not carry it.
 */

/**
 * The canvas's node types with the note's. Defined once: React Flow remounts every node when
 * its node types change, which happens once, when the first note of the page is drawn.
 */
export const nodeTypesWithNotes = { ...nodeTypes, [RF_NOTE_TYPE]: NoteNode };

/** The notes' side of one canvas view: drawing them, their changes, their moves. */
export interface NoteCanvas {
  /** The notes as React Flow nodes, each being resized where the resizer has it now. */
  nodes(
    notes: readonly StickyNote[],
    selected: readonly NoteId[],
  ): ReturnType<ReturnType<typeof createNoteNodeCache>>;
  /**
   * Applies the notes' part of a batch of React Flow changes (their selection, the end of a
   * resize) and returns the rest.
   */
  take(changes: NodeChange[]): NodeChange[];
  /** A drop's moves (by React Flow id) that move something: nodes', and notes' by note id. */
  moves(moves: ReadonlyMap<string, Position>): {
    nodes: Map<NodeId, Position>;
    notes: Map<NoteId, Position>;
  };
}

/** `redraw` is called when a note being resized must be drawn anew. */
export function createNoteCanvas(redraw: () => void): NoteCanvas {
  const toNodes = createNoteNodeCache();
  // Notes being resized: React Flow's resizer moves them every frame; the flow gets the end.
  let frames = new Map<NoteId, NoteFrame>();
  return {
    nodes: (notes, selected) => toNodes(notes, new Set(selected), frames),
    take(all) {
      const store = useFlowStore.getState();
      const noteOf = (id: NoteId) => store.flow?.notes?.find((n) => n.id === id);
      const plan = splitNoteChanges(all, store.selectedNotes, (id) => {
        const note = noteOf(id);
        if (frames.has(id) || !note) return frames.get(id);
        return { position: note.position, width: note.width, height: note.height };
      });
      if (plan.noteSelection) store.selectNotes(plan.noteSelection);
      if (plan.frames.size === 0 && plan.ended.size === 0) return plan.changes;
      frames = new Map(frames);
      for (const [id, frame] of plan.frames) frames.set(id, frame);
      for (const [id, size] of plan.ended) {
        const position = frames.get(id)?.position ?? noteOf(id)?.position;
        frames.delete(id);
        if (!position) continue;
        // The whole resize is one undo step: the flow sees only where it ended.
        const patch = { ...size, position };
        store.apply((flow) => ({ ok: true, flow: updateNote(flow, id, patch) }));
      }
      redraw();
      return plan.changes;
    },
    moves(moves) {
      const nodes = new Map<NodeId, Position>();
      const notes = new Map<NoteId, Position>();
      for (const [id, at] of moves) {
        const note = noteOfNodeId(id);
        if (note === null) nodes.set(id as NodeId, at);
        else notes.set(note, at);
      }
      const flow = useFlowStore.getState().flow;
      return {
        nodes: effectiveMoves(flow?.nodes ?? [], nodes),
        notes: effectiveMoves(flow?.notes ?? [], notes),
      };
    },
  };
}
