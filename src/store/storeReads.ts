import type { FlowId, MemoryId, MessageId, RunId } from "../engine/ids";
import type { MemorySummary } from "../engine/memorySummary";
import type { MemoryMessage } from "../engine/messages";
import { asInterrupted, type RunSnapshot } from "../engine/runSnapshot";
import type { MemoryHeads } from "../engine/saver";
import { collectFlowConversations, type FlowConversationsExport } from "./flowConversations";
import type { SliceContext } from "./sliceContext";

/** This site's storage as the browser reports it. */
export interface StorageStatus {
  /** False where the page cannot see navigator.storage (it needs https or localhost). */
  supported: boolean;
  /** null until known (or when the browser does not say). */
  persisted: boolean | null;
  /** Bytes, or null when the browser does not say. */
  usage: number | null;
  quota: number | null;
}

/**
 * What the panels read from storage, on demand (a run, a memory log, a call's messages, an
 * export): the UI asks the store, never the repositories. Each rejects while the storage is
 * not open.
 */
export interface StoreReads {
  /** False where the page cannot see navigator.storage (known at once, before any read). */
  storageSupported: boolean;
  readRun(id: RunId): Promise<RunSnapshot | undefined>;
  /** A memory log walked back from `head`, newest first, at most `limit` messages. */
  readBack(head: MessageId | null, limit: number): Promise<MemoryMessage[]>;
  /** The summary of a memory up to and with `coversId` (summary memory), if one was stored. */
  readSummary(memoryId: MemoryId, coversId: MessageId): Promise<MemorySummary | undefined>;
  /** The pinned messages of the log ending at `head`, oldest first. */
  readMarked(head: MessageId | null): Promise<MemoryMessage[]>;
  /** A whole memory log ending at `head`, oldest first: O(length), for the memory panel. */
  readMemoryLog(head: MessageId): Promise<MemoryMessage[]>;
  /** The heads of a flow's flow-scoped memories, shared by all its conversations. */
  readFlowMemoryHeads(flowId: FlowId): Promise<MemoryHeads>;
  /**
   * Memory messages by id, in the order asked, each as appended or, when `versions` names it,
   * as that edit version (what a recorded call was sent).
   */
  readMessages(
    ids: readonly MessageId[],
    versions?: Readonly<Record<string, number>>,
  ): Promise<MemoryMessage[]>;
  /** Every conversation of a flow with its runs and memories, for "Include conversations". */
  conversationsForExport(flowId: FlowId): Promise<FlowConversationsExport>;
  storageStatus(): Promise<StorageStatus>;
  /** Asks the browser to keep this site's data; true when it agreed. */
  requestPersistence(): Promise<boolean>;
}

export function createStoreReads(ctx: SliceContext): StoreReads {
  const manager = ctx.browser.storageManager;
  return {
    storageSupported: manager !== null,
    // Async, so a read before the storage is open rejects instead of throwing.
    async readRun(id) {
      const run = await ctx.storage().runs.get(id);
      // Left running by a page that is not running it now: a reload cut it short.
      const live = ctx.get().running !== null && ctx.get().turns.at(-1)?.runId === id;
      return run && !live ? asInterrupted(run) : run;
    },
    readBack: async (head, limit) => ctx.storage().saver.readBack(head, limit),
    readSummary: async (memoryId, coversId) => ctx.storage().saver.loadSummary(memoryId, coversId),
    readMarked: async (head) => ctx.storage().saver.readMarked(head),
    async readMemoryLog(head) {
      const newestFirst = await ctx.storage().saver.readBack(head, Number.POSITIVE_INFINITY);
      return [...newestFirst].reverse();
    },
    readFlowMemoryHeads: async (flowId) => ctx.storage().flowMemory.heads(flowId),
    async readMessages(ids, versions) {
      const stored = await ctx.storage().messages.resolve(ids);
      return versions ? ctx.storage().memoryEdits.resolveVersions(stored, versions) : stored;
    },
    conversationsForExport: async (flowId) => collectFlowConversations(ctx.storage(), flowId),

    async storageStatus() {
      if (!manager) return { supported: false, persisted: null, usage: null, quota: null };
      // Each answer on its own: a browser may implement one call and not the other.
      const [persisted, estimate] = await Promise.all([
        manager.persisted?.().catch(() => null) ?? null,
        manager.estimate?.().catch(() => null) ?? null,
      ]);
      return {
        supported: true,
        persisted,
        usage: estimate?.usage ?? null,
        quota: estimate?.quota ?? null,
      };
    },

    async requestPersistence() {
      if (!manager?.persist) return false;
      return manager.persist().catch(() => false);
    },
  };
}
