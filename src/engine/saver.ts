import type { MessageId, RunId } from "./ids";
import { ownValue } from "./keyedRecord";
import type { MemoryMessage } from "./messages";
import type { RunSnapshot } from "./runSnapshot";

/**
 * Persistence as the engine sees it (Timbal's state saver). The in-memory saver serves
 * tests and benchmarks; the IndexedDB saver lives in src/storage.
 */
export interface Saver {
  loadRun(id: RunId): Promise<RunSnapshot | undefined>;
  saveRun(run: RunSnapshot): Promise<void>;
  /** Writes all the messages in one transaction: all land or none do. */
  appendMessages(messages: readonly MemoryMessage[]): Promise<void>;
  /**
   * Walks back from `head` along `prev` links and returns at most `limit` messages,
   * newest first. Must cost O(limit), whatever the log's length.
   */
  readBack(head: MessageId | null, limit: number): Promise<MemoryMessage[]>;
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
