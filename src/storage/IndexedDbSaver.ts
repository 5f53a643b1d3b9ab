import type { MessageId, RunId } from "../engine/ids";
import type { MemoryMessage } from "../engine/messages";
import type { RunSnapshot } from "../engine/runSnapshot";
import type { Saver } from "../engine/saver";
import { type Clock, systemClock } from "./clock";
import { STORE, type StudioDatabase } from "./dbSchema";
import { CorruptStorageError } from "./storageErrors";
import { inTransaction } from "./transaction";

/** The engine's state saver over IndexedDB (docs/memory.md, "Persistence"). */
export class IndexedDbSaver implements Saver {
  constructor(
    private readonly db: StudioDatabase,
    private readonly now: Clock = systemClock,
  ) {}

  async loadRun(id: RunId): Promise<RunSnapshot | undefined> {
    return this.db.get(STORE.runs, id);
  }

  /**
   * Stores the run and moves its conversation's head to it, together. The conversation must
   * exist: the studio store creates it (titled) before the first run, the one place
   * conversations are created.
   */
  async saveRun(run: RunSnapshot): Promise<void> {
    const tx = this.db.transaction([STORE.runs, STORE.conversations], "readwrite");
    const conversations = tx.objectStore(STORE.conversations);
    const write = async () => {
      const existing = await conversations.get(run.conversationId);
      if (!existing) {
        throw new Error(
          `Run ${run.id} names conversation ${run.conversationId}, which does not exist: create it first`,
        );
      }
      if (existing.flowId !== run.flowId) {
        throw new Error(
          `Run ${run.id} belongs to flow ${run.flowId} but conversation ${run.conversationId} belongs to flow ${existing.flowId}`,
        );
      }
      await tx.objectStore(STORE.runs).put(run);
      await conversations.put({ ...existing, headRunId: run.id, updatedAt: this.now() });
    };
    await inTransaction(tx, write);
  }

  /**
   * `add`, not `put`: a message id that already exists is a bug upstream, and it must fail
   * the whole batch rather than silently rewrite a message other branches may share.
   */
  async appendMessages(messages: readonly MemoryMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const tx = this.db.transaction(STORE.memoryMessages, "readwrite");
    // The first failing add aborts the transaction, but tx.error is not reliably that add's
    // error everywhere (fake-indexeddb leaves it null), so keep the request's own error.
    let firstFailure: unknown;
    try {
      await inTransaction(tx, async () => {
        // A message that cannot be stored at all (no id, not cloneable) throws right here,
        // synchronously; inTransaction then aborts the adds already queued.
        for (const message of messages) {
          tx.store.add(message).catch((error: unknown) => {
            firstFailure ??= error;
          });
        }
      });
    } catch (error) {
      const cause = firstFailure ?? error;
      throw new Error(
        `appendMessages: none of the ${messages.length} messages were stored (${describeError(cause)})`,
        { cause },
      );
    }
  }

  /**
   * One `get` per message returned, all in one readonly transaction: O(limit) whatever the
   * log's length. `limit` may be Infinity; zero, negative or NaN returns []. A `prev` link
   * to a message that is not stored throws CorruptStorageError naming it: returning a
   * shortened history would silently change what the model is sent.
   */
  async readBack(head: MessageId | null, limit: number): Promise<MemoryMessage[]> {
    const out: MemoryMessage[] = [];
    if (head === null || !(limit > 0)) return out;
    const store = this.db.transaction(STORE.memoryMessages, "readonly").store;
    const seen = new Set<MessageId>();
    let id: MessageId | null = head;
    while (id !== null && out.length < limit) {
      if (seen.has(id)) throw new CorruptStorageError(`Memory log loops back to message ${id}`);
      seen.add(id);
      const message: MemoryMessage | undefined = await store.get(id);
      if (!message) {
        throw new CorruptStorageError(
          `Memory message ${id} is missing (reading back from ${head}): storage is corrupted`,
        );
      }
      out.push(message);
      id = message.prev;
    }
    return out;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
