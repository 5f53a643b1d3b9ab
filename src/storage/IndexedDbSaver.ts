import type { IDBPObjectStore, StoreNames } from "idb";
import type { FlowId, MemoryId, MessageId, RunId } from "../engine/ids";
import { ownValue } from "../engine/keyedRecord";
import type { MemorySummary } from "../engine/memorySummary";
import { withEdit } from "../engine/messageEdits";
import type { MemoryMessage } from "../engine/messages";
import { movesHead, type RunSnapshot } from "../engine/runSnapshot";
import {
  type FlowHeadMoves,
  flowHeadConflict,
  type MemoryHeads,
  type NewConversation,
  type Saver,
} from "../engine/saver";
import { type Clock, systemClock } from "./clock";
import {
  type ConversationRecord,
  STORE,
  type StudioDatabase,
  type StudioDBSchema,
} from "./dbSchema";
import { flowHeadsInTx, flowMemoryHeadsKey, readHeads } from "./flowMemoryHeads";
import { newestEditsInTx } from "./messageEditReads";
import { CorruptStorageError } from "./storageErrors";
import { inTransaction } from "./transaction";

type ConversationStore = IDBPObjectStore<
  StudioDBSchema,
  ArrayLike<StoreNames<StudioDBSchema>>,
  "conversations",
  "readwrite"
>;

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
   * Stores the run "running" and moves its conversation's head to it, together; with
   * `newConversation` the conversation is created in the same transaction (the run's first
   * record and its conversation land together or not at all: never an empty conversation).
   * Otherwise the conversation must exist and belong to the run's flow.
   */
  async beginRun(run: RunSnapshot, newConversation?: NewConversation): Promise<void> {
    const tx = this.db.transaction([STORE.runs, STORE.conversations], "readwrite");
    await inTransaction(tx, async () => {
      const conversations = tx.objectStore(STORE.conversations);
      const now = this.now();
      if (newConversation) {
        // `add`: an id already taken fails rather than wiping that conversation's head.
        await conversations.add({
          id: run.conversationId,
          flowId: run.flowId,
          title: newConversation.title,
          createdAt: now,
          updatedAt: now,
          headRunId: run.id,
        });
      } else {
        const existing = await this.conversationOf(run, conversations);
        // A node run alone that writes nothing stays off the branch: the head stays.
        if (movesHead(run))
          await conversations.put({ ...existing, headRunId: run.id, updatedAt: now });
      }
      await tx.objectStore(STORE.runs).put(run);
    });
  }

  /** Replaces the record of a run still "running"; a settled run is left as it is. */
  async saveDraft(run: RunSnapshot): Promise<void> {
    const tx = this.db.transaction(STORE.runs, "readwrite");
    await inTransaction(tx, async () => {
      const stored = await tx.store.get(run.id);
      if (stored?.status === "running") await tx.store.put(run);
    });
  }

  /**
   * The run's final record, the memory messages it appended, the summaries it wrote and its
   * conversation's new head, in one transaction: if any of it fails (a message id taken, storage full), none of it
   * lands, so no memory message is ever stored without the run that appended it.
   * Messages are added with `add`, not `put`: an id that already exists is a bug upstream,
   * and it must fail the whole run rather than silently rewrite a message other branches
   * may share.
   */
  async loadFlowHeads(flowId: FlowId): Promise<MemoryHeads> {
    return readHeads(await this.db.get(STORE.settings, flowMemoryHeadsKey(flowId)));
  }

  async finishRun(
    run: RunSnapshot,
    messages: readonly MemoryMessage[],
    flowHeads: FlowHeadMoves = {},
    summaries: readonly MemorySummary[] = [],
  ): Promise<void> {
    const moves = Object.entries(flowHeads);
    const tx = this.db.transaction(
      [
        STORE.runs,
        STORE.conversations,
        STORE.memoryMessages,
        ...(summaries.length > 0 ? [STORE.memorySummaries] : []),
        ...(moves.length > 0 ? [STORE.settings] : []),
      ],
      "readwrite",
    );
    // The first failing add aborts the transaction, but tx.error is not reliably that add's
    // error everywhere (fake-indexeddb leaves it null), so keep the request's own error.
    let firstFailure: unknown;
    try {
      await inTransaction(tx, async () => {
        const store = tx.objectStore(STORE.memoryMessages);
        // A message that cannot be stored at all (no id, not cloneable) throws right here,
        // synchronously; inTransaction then aborts the adds already queued.
        for (const message of messages) {
          store.add(message).catch((error: unknown) => {
            firstFailure ??= error;
          });
        }
        // `put`: two runs that summarized the same messages (a shared memory, two tabs) wrote
        // the same summary's place; either one stands for those messages.
        if (summaries.length > 0) {
          const summaryStore = tx.objectStore(STORE.memorySummaries);
          for (const summary of summaries) {
            summaryStore.put(summary).catch((error: unknown) => {
              firstFailure ??= error;
            });
          }
        }
        const conversations = tx.objectStore(STORE.conversations);
        const existing = await this.conversationOf(run, conversations);
        await tx.objectStore(STORE.runs).put(run);
        if (movesHead(run))
          await conversations.put({ ...existing, headRunId: run.id, updatedAt: this.now() });
        if (moves.length > 0) {
          // Compare and set: a shared memory another conversation moved meanwhile is not
          // overwritten (its exchange would silently drop out of the log).
          const heads = await flowHeadsInTx(tx, run.flowId);
          for (const [memory, move] of moves) {
            if ((ownValue(heads, memory) ?? null) !== move.from) throw flowHeadConflict(memory);
            heads[memory] = move.to;
          }
          await tx.objectStore(STORE.settings).put({ ...heads }, flowMemoryHeadsKey(run.flowId));
        }
      });
    } catch (error) {
      const cause = firstFailure ?? error;
      throw new Error(
        messages.length > 0
          ? `Run ${run.id} and its ${messages.length} memory messages were not stored (${describeError(cause)})`
          : `Run ${run.id} was not stored (${describeError(cause)})`,
        { cause },
      );
    }
  }

  async loadSummary(memoryId: MemoryId, coversId: MessageId): Promise<MemorySummary | undefined> {
    return this.db.get(STORE.memorySummaries, [memoryId, coversId]);
  }

  /**
   * Test and benchmark seeding only: summaries with no run (the engine's land in finishRun).
   */
  async putSummaries(summaries: readonly MemorySummary[]): Promise<void> {
    const tx = this.db.transaction(STORE.memorySummaries, "readwrite");
    await inTransaction(tx, async () => {
      for (const summary of summaries) await tx.store.put(summary);
    });
  }

  /**
   * Test and benchmark seeding only: memory messages with no run. The engine never calls
   * it (its messages land with their run, in finishRun).
   */
  async appendMessages(messages: readonly MemoryMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const tx = this.db.transaction(STORE.memoryMessages, "readwrite");
    let firstFailure: unknown;
    try {
      await inTransaction(tx, async () => {
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

  /** The run's conversation, which must exist and belong to the run's flow. */
  private async conversationOf(
    run: RunSnapshot,
    conversations: ConversationStore,
  ): Promise<ConversationRecord> {
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
    return existing;
  }

  /**
   * One `get` per message returned, all in one readonly transaction, plus one range read of
   * the memory's edits (each message is returned as its newest version: docs/memory.md,
   * "Editing memory"): O(limit + edits) whatever the log's length. `limit` may be Infinity;
   * zero, negative or NaN returns []. A `prev` link to a message that is not stored throws
   * CorruptStorageError naming it: returning a shortened history would silently change what
   * the model is sent.
   */
  async readBack(head: MessageId | null, limit: number): Promise<MemoryMessage[]> {
    const out: MemoryMessage[] = [];
    if (head === null || !(limit > 0)) return out;
    const tx = this.db.transaction([STORE.memoryMessages, STORE.settings], "readonly");
    const store = tx.objectStore(STORE.memoryMessages);
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
    const first = out[0] as MemoryMessage;
    const edits = await newestEditsInTx(tx, first.conversationId, first.memoryId);
    return edits.size === 0 ? out : out.map((m) => withEdit(m, edits.get(m.id)));
  }

  /**
   * The pinned and deleted messages of the log ending at `head`, oldest first, as their newest
   * versions. A pin or a deletion belongs to a message, which branches share: it counts only
   * where that message is in the log, found by walking back from `head` to the oldest such
   * message (O(that distance); no walk at all when the memory has none).
   */
  async readMarked(head: MessageId | null): Promise<MemoryMessage[]> {
    if (head === null) return [];
    // Loaded on first use: the first page draws without it.
    const { readMarked } = await import("./readMarked");
    return readMarked(this.db, head);
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
