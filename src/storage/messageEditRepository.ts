import type { MessageId } from "../engine/ids";
import {
  type EditChange,
  type MessageEdit,
  readEdit,
  stateOf,
  withEdit,
} from "../engine/messageEdits";
import type { MemoryMessage } from "../engine/messages";
import type { Clock } from "./clock";
import { STORE, type StudioDatabase } from "./dbSchema";
import { editKey, messageEditsRange } from "./messageEdits";
import { CorruptStorageError } from "./storageErrors";
import { inTransaction } from "./transaction";

/* Loaded on the first edit or on showing an edited run (studioStorage.ts): not with the first page. */

/** What one write did: the message before and after it (undo writes `before` back). */
export interface EditWritten {
  before: MemoryMessage;
  after: MemoryMessage;
}

/** Edits, deletes and pins of stored memory messages. */
export class MessageEditRepository {
  constructor(
    private readonly db: StudioDatabase,
    private readonly now: Clock,
  ) {}

  /**
   * Stores the message's next version, in one transaction: its state as the newest version
   * has it, changed by `change`. `add`, never `put`: two tabs writing the same version at
   * once, the second fails (and says so) instead of replacing the first.
   */
  async write(id: MessageId, change: EditChange): Promise<EditWritten> {
    const tx = this.db.transaction([STORE.memoryMessages, STORE.settings], "readwrite");
    return inTransaction(tx, async () => {
      const stored = await tx.objectStore(STORE.memoryMessages).get(id);
      if (!stored) throw new Error(`Memory message ${id} is no longer stored`);
      const settings = tx.objectStore(STORE.settings);
      const versions = await settings.getAll(messageEditsRange(stored));
      let newest: MessageEdit | undefined;
      // Sorted by key, so by version: the last readable one is the newest.
      for (const value of versions) newest = readEdit(value) ?? newest;
      const before = withEdit(stored, newest);
      const version = (newest?.version ?? 0) + 1;
      const edit: MessageEdit = {
        ...stateOf(before),
        ...change,
        messageId: id,
        version,
        editedAt: this.now(),
      };
      await settings.add(edit, editKey(stored, version));
      return { before, after: withEdit(stored, edit) };
    });
  }

  /**
   * The messages a run record names, each as the version it was sent (`versions`, absent: as
   * appended). A missing version throws CorruptStorageError naming it.
   */
  async resolveVersions(
    messages: readonly MemoryMessage[],
    versions: Readonly<Record<string, number>>,
  ): Promise<MemoryMessage[]> {
    const wanted = messages.filter((m) => Object.hasOwn(versions, m.id));
    if (wanted.length === 0) return [...messages];
    const store = this.db.transaction(STORE.settings, "readonly").store;
    const found = new Map<MessageId, MessageEdit>();
    await Promise.all(
      wanted.map(async (m) => {
        const version = versions[m.id] as number;
        const edit = readEdit(await store.get(editKey(m, version)));
        if (!edit) {
          throw new CorruptStorageError(
            `Version ${version} of memory message ${m.id} is missing: storage is corrupted`,
          );
        }
        found.set(m.id, edit);
      }),
    );
    return messages.map((m) => withEdit(m, found.get(m.id)));
  }
}
