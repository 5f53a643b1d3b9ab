import type { IDBPTransaction, StoreNames } from "idb";
import type { ConversationId, MemoryId, MessageId } from "../engine/ids";
import { type MessageEdit, readEdit } from "../engine/messageEdits";
import { STORE, type StudioDBSchema } from "./dbSchema";
import { memoryPrefix, startingWith } from "./messageEdits";

/*
 * Reading memory edits for a memory read (the saver, readMarked.ts): apart from the keys and
 * the cascade delete in messageEdits.ts, so the first page, which reads no memory, does not
 * carry it.
 */

type AnyTransaction = IDBPTransaction<
  StudioDBSchema,
  ArrayLike<StoreNames<StudioDBSchema>>,
  "readonly" | "readwrite"
>;

/** The newest edit of each edited message of one memory log, by message id. */
export async function newestEditsInTx(
  tx: AnyTransaction,
  thread: ConversationId,
  memory: MemoryId,
): Promise<Map<MessageId, MessageEdit>> {
  const values = await tx
    .objectStore(STORE.settings)
    .getAll(startingWith(memoryPrefix(thread, memory)));
  const newest = new Map<MessageId, MessageEdit>();
  for (const value of values) {
    const edit = readEdit(value);
    // Sorted by key, so by version within a message: the last one read is the newest.
    if (edit) newest.set(edit.messageId, edit);
  }
  return newest;
}
