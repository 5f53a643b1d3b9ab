import type { FlowId, MemoryId, MessageId, RunId } from "./ids";
import { ownValue } from "./keyedRecord";
import type { MemorySummary } from "./memorySummary";
import type { MemoryMessage } from "./messages";
import type { RunSnapshot } from "./runSnapshot";

/** The conversation a run starts, when it is that conversation's first message. */
export interface NewConversation {
  title: string;
}

/**
 * Persistence as the engine sees it (Timbal's state saver). The in-memory saver serves
 * tests and benchmarks; the IndexedDB saver lives in src/storage.
 *
 * A run is written before its first call and settled at its end (docs/memory.md,
 * "Persistence"): beginRun stores it "running" (the user's message is kept even if the page
 * closes mid-reply), saveDraft replaces that record with the text streamed so far, and
 * finishRun writes the final record together with the memory messages it appended. Memory
 * is written nowhere else, so no message exists without the run that appended it.
 */
export interface Saver {
  loadRun(id: RunId): Promise<RunSnapshot | undefined>;
  /**
   * Stores a run in state "running" and moves its conversation's head to it, in one
   * transaction; with `newConversation`, creates that conversation (the run's
   * conversationId) in the same transaction, so a failed start leaves no empty conversation.
   */
  beginRun(run: RunSnapshot, newConversation?: NewConversation): Promise<void>;
  /**
   * Replaces the record of a run still "running" with a newer draft (the text streamed so
   * far). A run already settled is left as it is: a late draft never undoes its end.
   */
  saveDraft(run: RunSnapshot): Promise<void>;
  /**
   * The run's final record, the memory messages it appended and the summaries it wrote, in
   * ONE transaction, moving the conversation's head to it: all land or none do.
   */
  finishRun(
    run: RunSnapshot,
    messages: readonly MemoryMessage[],
    flowHeads?: FlowHeadMoves,
    summaries?: readonly MemorySummary[],
  ): Promise<void>;
  /**
   * The summary of `memoryId` covering its log up to and with message `coversId`, if one was
   * written (docs/memory.md, "Summary memory"). One lookup by key: O(1).
   */
  loadSummary(memoryId: MemoryId, coversId: MessageId): Promise<MemorySummary | undefined>;
  /**
   * The head of each flow-scoped memory of the flow (docs/memory.md, "Memory across
   * conversations"): one log shared by all its conversations. A memory never written is absent.
   */
  loadFlowHeads(flowId: FlowId): Promise<MemoryHeads>;
  /**
   * Walks back from `head` along `prev` links and returns at most `limit` messages,
   * newest first. Must cost O(limit), whatever the log's length.
   */
  readBack(head: MessageId | null, limit: number): Promise<MemoryMessage[]>;
  /**
   * The pinned and the deleted messages of the log ending at `head`, oldest first, each as its
   * newest edit (docs/memory.md, "Editing memory"). A saver that cannot edit messages has none.
   */
  readMarked?(head: MessageId | null): Promise<MemoryMessage[]>;
}

/** What reading a memory needs: walking back, and its pins and deletions where the saver keeps any. */
export type MemoryReader = Pick<Saver, "readBack" | "readMarked">;

/**
 * Flow-scoped memories a run moved: memory id -> the head it started from and the one it
 * ends on. finishRun moves each only if the flow's head is still `from` (another
 * conversation may have written since): otherwise nothing of the run lands.
 */
// Keyed by MemoryId; plain string keys because object keys cannot carry a brand.
export type FlowHeadMoves = Record<string, { from: MessageId | null; to: MessageId | null }>;

/** Thrown by finishRun when a flow-scoped memory moved under the run. */
export function flowHeadConflict(memoryId: string): Error {
  return new Error(
    `the shared memory "${memoryId}" was changed by another conversation while this message ran; send it again`,
  );
}

/** The state of every memory at a point of a conversation: the newest message of each log. */
// Keyed by MemoryId; plain string keys because object keys cannot carry a brand.
export type MemoryHeads = Record<string, MessageId | null>;

/**
 * The newest message of a memory, or null: its own entry only, so a memory called
 * "constructor" or "__proto__" is just a name (see keyedRecord.ts).
 */
export const memoryHead = (heads: Readonly<MemoryHeads>, memoryId: string): MessageId | null =>
  ownValue(heads, memoryId) ?? null;
