import type { MessageId } from "../engine/ids";
import { type EditChange, stateOf } from "../engine/messageEdits";
import type { SliceContext } from "./sliceContext";

/* The memory edit actions (memoryEditsSlice.ts), loaded on the first edit. */

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

export async function editMessage(
  { get, set, storage }: SliceContext,
  id: MessageId,
  change: EditChange,
): Promise<void> {
  const { before } = await storage().memoryEdits.write(id, change);
  set({
    memoryEditCount: get().memoryEditCount + 1,
    memoryUndo: [
      ...get().memoryUndo,
      { messageId: id, before: stateOf(before), label: labelOf(change) },
    ],
  });
}

export async function undoEdit({ get, set, storage }: SliceContext): Promise<void> {
  const last = get().memoryUndo.at(-1);
  if (!last) return;
  await storage().memoryEdits.write(last.messageId, last.before);
  set({
    memoryEditCount: get().memoryEditCount + 1,
    memoryUndo: get().memoryUndo.filter((u) => u !== last),
  });
}
