import type { IDBPTransaction, StoreNames } from "idb";
import type { ConversationId } from "../engine/ids";
import { INDEX, STORE, type StudioDBSchema } from "./dbSchema";
import { deleteEditsInTx } from "./messageEdits";

type WriteTransaction = IDBPTransaction<
  StudioDBSchema,
  ArrayLike<StoreNames<StudioDBSchema>>,
  "readwrite"
>;

/**
 * Deletes conversations with their runs, memory messages, memory summaries and message edits
 * inside the caller's transaction (which must include those stores and settings),
 * so deleting one conversation and deleting a whole flow share the same rules. Messages never
 * link across conversations, so nothing another conversation reads is touched.
 */
export async function deleteConversationsInTx(
  tx: WriteTransaction,
  ids: readonly ConversationId[],
): Promise<void> {
  const conversations = tx.objectStore(STORE.conversations);
  const runs = tx.objectStore(STORE.runs);
  const messages = tx.objectStore(STORE.memoryMessages);
  const summaries = tx.objectStore(STORE.memorySummaries);
  for (const id of ids) {
    const [runIds, messageIds, summaryKeys] = await Promise.all([
      runs.index(INDEX.runsByConversationId).getAllKeys(id),
      messages.index(INDEX.messagesByConversationId).getAllKeys(id),
      summaries.index(INDEX.summariesByConversationId).getAllKeys(id),
    ]);
    await Promise.all([
      conversations.delete(id),
      ...runIds.map((runId) => runs.delete(runId)),
      ...messageIds.map((messageId) => messages.delete(messageId)),
      ...summaryKeys.map((key) => summaries.delete(key)),
    ]);
  }
  // Their messages' edit versions too (settings records): nothing is left pointing nowhere.
  await deleteEditsInTx(tx, ids);
}
