import type { IDBPTransaction, StoreNames } from "idb";
import type { ConversationId, MemoryId, MessageId } from "../engine/ids";
import {
  type EditChange,
  type MessageEdit,
  readEdit,
  stateOf,
  withEdit,
} from "../engine/messageEdits";
import type { MemoryMessage } from "../engine/messages";
import { type Clock, systemClock } from "./clock";
import { STORE, type StudioDatabase, type StudioDBSchema } from "./dbSchema";
import { CorruptStorageError } from "./storageErrors";
import { inTransaction } from "./transaction";

/*
 * Versions of edited memory messages (docs/memory.md, "Editing memory"), as records of the
 * settings store (no database version bump), one per version, never rewritten:
 * `memoryEdit:<thread>:<memoryId>:<messageId>:<version, 8 digits>`. The key sorts a memory's
 * edits together and each message's versions in order, so one range read finds them all.
 */

/** Do not change without a migration: it lives in users' browsers. */
const PREFIX = "memoryEdit:";
const pad = (version: number) => String(version).padStart(8, "0");

/** Every edit of a thread (a conversation, or a flow's `flow:<flowId>`). */
const threadPrefix = (thread: string) => `${PREFIX}${thread}:`;
const memoryPrefix = (thread: string, memory: string) => `${threadPrefix(thread)}${memory}:`;
const messagePrefix = (m: Pick<MemoryMessage, "conversationId" | "memoryId" | "id">) =>
  `${memoryPrefix(m.conversationId, m.memoryId)}${m.id}:`;

/** The key of one version of a message. */
export const editKey = (
  m: Pick<MemoryMessage, "conversationId" | "memoryId" | "id">,
  version: number,
): string => `${messagePrefix(m)}${pad(version)}`;

/** Keys starting with `prefix`. */
const startingWith = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** Every edit version of the database (a backup carries them all). */
export const allEditsRange = () => startingWith(PREFIX);

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

/** Deletes every edit of the threads, inside the caller's transaction (a cascade delete). */
export async function deleteEditsInTx(
  tx: IDBPTransaction<StudioDBSchema, ArrayLike<StoreNames<StudioDBSchema>>, "readwrite">,
  threads: readonly string[],
): Promise<void> {
  const settings = tx.objectStore(STORE.settings);
  await Promise.all(threads.map((thread) => settings.delete(startingWith(threadPrefix(thread)))));
}

/** What one write did: the message before and after it (undo writes `before` back). */
export interface EditWritten {
  before: MemoryMessage;
  after: MemoryMessage;
}

/** Edits, deletes and pins of stored memory messages. */
export class MessageEditRepository {
  constructor(
    private readonly db: StudioDatabase,
    private readonly now: Clock = systemClock,
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
      const versions = await settings.getAll(startingWith(messagePrefix(stored)));
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
