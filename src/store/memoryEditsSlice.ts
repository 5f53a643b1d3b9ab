import type { MessageId } from "../engine/ids";
import { type EditChange, type MessageState, stateOf } from "../engine/messageEdits";
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

const labelOf = (change: EditChange): string =>
  change.deleted === true
    ? "Deleted"
    : change.deleted === false
      ? "Restored"
      : change.pinned === true
        ? "Pinned"
        : change.pinned === false
          ? "Unpinned"
          : "Edited";

export function createMemoryEditsSlice(ctx: SliceContext): MemoryEditsState {
  const { get, set } = ctx;
  return {
    memoryEditCount: 0,
    memoryUndo: [],

    async editMemoryMessage(id, change) {
      const { before } = await ctx.storage().memoryEdits.write(id, change);
      set({
        memoryEditCount: get().memoryEditCount + 1,
        memoryUndo: [
          ...get().memoryUndo,
          { messageId: id, before: stateOf(before), label: labelOf(change) },
        ],
      });
    },

    async undoMemoryEdit() {
      const last = get().memoryUndo.at(-1);
      if (!last) return;
      await ctx.storage().memoryEdits.write(last.messageId, last.before);
      set({
        memoryEditCount: get().memoryEditCount + 1,
        memoryUndo: get().memoryUndo.filter((u) => u !== last),
      });
    },
  };
}
