import type { MessageId } from "../engine/ids";
import { withEdit } from "../engine/messageEdits";
import type { MemoryMessage } from "../engine/messages";
import { STORE, type StudioDatabase } from "./dbSchema";
import { newestEditsInTx } from "./messageEditReads";

/** IndexedDbSaver.readMarked: the pinned and deleted messages of the log ending at `head`. */
export async function readMarked(db: StudioDatabase, head: MessageId): Promise<MemoryMessage[]> {
  const tx = db.transaction([STORE.memoryMessages, STORE.settings], "readonly");
  const store = tx.objectStore(STORE.memoryMessages);
  const newest = await store.get(head);
  if (!newest) return [];
  const edits = await newestEditsInTx(tx, newest.conversationId, newest.memoryId);
  const pins = [...edits.values()].filter((e) => e.pinned || e.deleted);
  if (pins.length === 0) return [];
  const records = await Promise.all(pins.map((e) => store.get(e.messageId)));
  const candidates = new Map<MessageId, MemoryMessage>();
  for (const m of records) if (m && m.index <= newest.index) candidates.set(m.id, m);
  if (candidates.size === 0) return [];
  const oldest = Math.min(...[...candidates.values()].map((m) => m.index));
  const found: MemoryMessage[] = [];
  for (let m: MemoryMessage | undefined = newest; m && m.index >= oldest; ) {
    if (candidates.has(m.id)) found.push(withEdit(m, edits.get(m.id)));
    m = m.prev === null ? undefined : await store.get(m.prev);
  }
  return found.reverse();
}
