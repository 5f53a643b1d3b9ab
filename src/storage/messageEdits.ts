import type { IDBPTransaction, StoreNames } from "idb";
import type { MemoryMessage } from "../engine/messages";
import type { Clock } from "./clock";
import { STORE, type StudioDatabase, type StudioDBSchema } from "./dbSchema";
import type { MessageEditRepository } from "./messageEditRepository";

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
export const memoryPrefix = (thread: string, memory: string) => `${threadPrefix(thread)}${memory}:`;
const messagePrefix = (m: Pick<MemoryMessage, "conversationId" | "memoryId" | "id">) =>
  `${memoryPrefix(m.conversationId, m.memoryId)}${m.id}:`;

/** The key of one version of a message. */
export const editKey = (
  m: Pick<MemoryMessage, "conversationId" | "memoryId" | "id">,
  version: number,
): string => `${messagePrefix(m)}${pad(version)}`;

/** Every version of one message, in order. */
export const messageEditsRange = (m: Pick<MemoryMessage, "conversationId" | "memoryId" | "id">) =>
  startingWith(messagePrefix(m));

/** Keys starting with `prefix`. */
export const startingWith = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** Every edit version of the database (a backup carries them all). */
export const allEditsRange = () => startingWith(PREFIX);

/** Deletes every edit of the threads, inside the caller's transaction (a cascade delete). */
export async function deleteEditsInTx(
  tx: IDBPTransaction<StudioDBSchema, ArrayLike<StoreNames<StudioDBSchema>>, "readwrite">,
  threads: readonly string[],
): Promise<void> {
  const settings = tx.objectStore(STORE.settings);
  await Promise.all(threads.map((thread) => settings.delete(startingWith(threadPrefix(thread)))));
}

/** Edits, deletes and pins of stored memory messages (messageEditRepository.ts). */
export type MemoryEdits = Pick<MessageEditRepository, "write" | "resolveVersions">;

/** The repository, its code loaded on first use: the first page only reads edits. */
export function lazyMemoryEdits(db: StudioDatabase, now: Clock): MemoryEdits {
  let repository: Promise<MessageEditRepository> | undefined;
  const load = () =>
    (repository ??= import("./messageEditRepository").then(
      (m) => new m.MessageEditRepository(db, now),
    ));
  return {
    write: async (id, change) => (await load()).write(id, change),
    resolveVersions: async (messages, versions) =>
      (await load()).resolveVersions(messages, versions),
  };
}
