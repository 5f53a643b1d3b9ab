import type { MessageId } from "../engine/ids";
import type { EditChange, MessageState } from "../engine/messageEdits";
import type { SliceContext } from "./sliceContext";

/** One memory write of this page, and the state to write back to undo it. */
export interface MemoryUndo {
  messageId: MessageId;
  before: MessageState;
  /** "Edited", "Deleted", "Pinned", … as the toast says it. */
  label: string;
}

/** Editing memory (docs/memory.md, "Editing memory"): edits, deletes and pins, undoable. */
export interface MemoryEditsState {
  /** Counts memory writes (here or in another tab): views of memory read again when it moves. */
  memoryEditCount: number;
  /** This page's memory writes, newest last: what Undo takes back. */
  memoryUndo: MemoryUndo[];
  /** Writes the message's next version (one transaction); rejects, saying why, when it fails. */
  editMemoryMessage(id: MessageId, change: EditChange): Promise<void>;
  /** Takes back this page's latest memory write, as a new version of the message. */
  undoMemoryEdit(): Promise<void>;
}

const actions = () => import("./memoryEditActions");

export function createMemoryEditsSlice(ctx: SliceContext): MemoryEditsState {
  return {
    memoryEditCount: 0,
    memoryUndo: [],
    editMemoryMessage: async (id, change) => (await actions()).editMessage(ctx, id, change),
    undoMemoryEdit: async () => (await actions()).undoEdit(ctx),
  };
}
