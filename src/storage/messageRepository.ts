import type { MessageId } from "../engine/ids";
import type { MemoryMessage } from "../engine/messages";
import { STORE, type StudioDatabase } from "./dbSchema";
import { CorruptStorageError } from "./storageErrors";

/** Memory messages by id, for views; the engine reads memory through the saver. */
export class MessageRepository {
  constructor(private readonly db: StudioDatabase) {}

  /**
   * The messages a run record names (kept, appended), in the order given,
   * read in one transaction. A missing id throws CorruptStorageError naming it: a run record
   * only names messages that were stored.
   */
  async resolve(ids: readonly MessageId[]): Promise<MemoryMessage[]> {
    if (ids.length === 0) return [];
    const store = this.db.transaction(STORE.memoryMessages, "readonly").store;
    // As stored: the text each was appended with. A run's versions are applied by the caller.
    const found = await Promise.all(ids.map((id) => store.get(id)));
    return found.map((message, i) => {
      if (!message) {
        throw new CorruptStorageError(`Memory message ${ids[i]} is missing: storage is corrupted`);
      }
      return message;
    });
  }
}
