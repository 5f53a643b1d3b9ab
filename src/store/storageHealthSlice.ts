import type { ConversationId, FlowId, RunId } from "../engine/ids";
import type { MemoryMessage } from "../engine/messages";
import type { RunSnapshot } from "../engine/runSnapshot";
import type { SpaceUser } from "../storage/spaceUsage";
import { turnsOf } from "./applyRunEvent";
import type { SliceContext } from "./sliceContext";
import type { FailedWrite, WriteHooks } from "./storageGuard";

/** A write that failed, said until the user dismisses it (or a retry goes through). */
export interface StorageNotice {
  /** One notice per thing written: a second failure of the same write replaces the first. */
  id: string;
  /** What failed: "Could not save flow 'Chat with memory'". */
  what: string;
  /** Why, in a user's words: "Storage is full: 48 MB of 50 MB used". */
  reason: string;
  /** The same write can be made again (Retry). */
  canRetry: boolean;
}

/** This site's storage use, in bytes. */
export interface StorageUse {
  usage: number;
  quota: number;
}

export interface StorageHealthState {
  storageNotices: StorageNotice[];
  /**
   * Storage is full: nothing new can be saved until space is freed; the figures when the
   * browser gave them. Exports and deletes still work.
   */
  readOnly: { use: StorageUse | null } | null;
  /** 80% of the quota or more is used, and the warning was not dismissed since it crossed. */
  quotaWarning: StorageUse | null;
  /** IndexedDB could not be opened: this tab keeps everything in memory only. Why. */
  memoryOnly: string | null;
  /** The storage takes long to open: why it may be waiting. */
  openingStuck: string | null;
  /** A newer version opened in another tab took the storage: this tab must reload. */
  replaced: boolean;
  /** Replies shown but not stored (the write failed): each can be saved again. */
  unsavedRunIds: RunId[];
  retryStorageWrite(id: string): Promise<void>;
  dismissStorageNotice(id: string): void;
  dismissQuotaWarning(): void;
  /** Every conversation with its size, largest first ("Free space"). */
  spaceUsers(): Promise<SpaceUser[]>;
  /** Deletes a conversation (runs and memory with it), then looks at the quota again. */
  freeSpace(conversationId: ConversationId): Promise<void>;
}

/** At or above this share of the quota, the app stops writing (read-only) until space is freed. */
export const FULL_SHARE = 0.98;
export const WARN_SHARE = 0.8;
/** The quota is looked at no more often than this after writes. */
const QUOTA_CHECK_MS = 2000;

const finishKey = (runId: RunId) => `saver.finishRun:${runId}`;

/** A short quote of a name or message, for "Could not save flow '…'". */
const quote = (text: string) => `'${text.length > 40 ? `${text.slice(0, 39)}…` : text}'`;

/** What a failed write was, in a user's words, and the key its notice goes under. */
function describeWrite({ op, args }: FailedWrite): { id: string; what: string } {
  const [first, second] = args as [unknown, unknown];
  switch (op) {
    case "flows.save":
      return {
        id: `${op}:${String(first)}`,
        what: `Could not save flow ${quote((second as { name?: string }).name ?? "")}`,
      };
    case "saver.beginRun":
      return {
        id: op,
        what: `Could not save your message ${quote((first as RunSnapshot).input)}, so it was not sent`,
      };
    case "saver.finishRun":
      return {
        id: finishKey((first as RunSnapshot).id),
        what: `Could not save the reply to ${quote((first as RunSnapshot).input)}`,
      };
    case "settings.put":
    case "settings.delete": {
      const key = String(first);
      const what = /^(viewport|openConversation|lastFlowId)/.test(key)
        ? "Could not remember where you were (open flow, conversation, canvas position)"
        : /^(credentials|apiKey|keys)/i.test(key)
          ? "Could not save your API keys"
          : "Could not save Settings";
      return { id: `${op}:${key}`, what };
    }
    case "conversations.rename":
      return { id: `${op}:${String(first)}`, what: "Could not rename the conversation" };
    case "conversations.setHeadRun":
      return { id: op, what: "Could not save which branch of the conversation is open" };
    default:
      return { id: op, what: `Could not ${op.endsWith("delete") ? "delete" : "save"} a record` };
  }
}

export interface StorageHealth {
  state: StorageHealthState;
  hooks: WriteHooks;
  /** Looks at the quota now (on open). */
  checkQuota(): Promise<void>;
  /**
   * After a run: a reply whose final write failed is put back on screen as it came (not as
   * the failure the fallback record says), marked not saved.
   */
  showUnsaved(runId: RunId | undefined): boolean;
  /** Why a write failed in a user's words, or null when it is not a storage failure. */
  reasonOf(error: unknown): Promise<string | null>;
  /** Resolves once every failure reported so far has been looked at (it loads its wording). */
  settled(): Promise<void>;
}

export function createStorageHealth(ctx: SliceContext): StorageHealth {
  const { set, get } = ctx;
  const retries = new Map<string, () => Promise<unknown>>();
  /** Failed final writes, by run: what to write again ("Retry save"). */
  const unsaved = new Map<RunId, { run: RunSnapshot; messages: readonly MemoryMessage[] }>();
  let readOnlyCause: "write" | "usage" | null = null;
  let warningDismissed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const failures = () => import("../storage/storageFailures");

  const estimate = async (): Promise<StorageUse | null> => {
    if (get().memoryOnly) return null;
    const found = await ctx.browser.storageManager?.estimate?.().catch(() => null);
    return found && typeof found.usage === "number" && found.quota ? (found as StorageUse) : null;
  };

  const leaveReadOnly = () => {
    readOnlyCause = null;
    set({ readOnly: null });
    // Space was freed: what failed for lack of it is written now (a failure says so again).
    for (const { id, canRetry } of get().storageNotices) if (canRetry) void retry(id);
  };

  const checkQuota = async (afterDelete = false) => {
    const use = await estimate();
    if (!use) return;
    const share = use.usage / use.quota;
    if (share >= FULL_SHARE) {
      readOnlyCause ??= "usage";
      set({ readOnly: { use }, quotaWarning: null });
      return;
    }
    if (get().readOnly && (afterDelete || readOnlyCause === "usage")) leaveReadOnly();
    if (share < WARN_SHARE) warningDismissed = false;
    set({ quotaWarning: share >= WARN_SHARE && !warningDismissed ? use : null });
  };

  const failed = async (write: FailedWrite) => {
    const { storageFailureOf, failureReason } = await failures();
    const failure = storageFailureOf(write.error);
    // Not storage failing (a conflict, a missing record): its caller says what happened.
    // After a newer version took the storage, the banner says it once for every write.
    if (!failure || get().replaced) return;
    const use = failure.kind === "full" ? await estimate() : null;
    if (failure.kind === "full") {
      readOnlyCause = "write";
      set({ readOnly: { use }, quotaWarning: null });
    }
    const { id, what } = describeWrite(write);
    if (write.op === "saver.finishRun") {
      const [run, messages] = write.args as [RunSnapshot, readonly MemoryMessage[]];
      // The engine's fallback (the run as failed, without its memory) fails the same way:
      // the write worth retrying is the first, the whole reply with its memory.
      if (unsaved.has(run.id)) return;
      unsaved.set(run.id, { run, messages });
    }
    retries.set(id, write.retry);
    const notice = { id, what, reason: failureReason(failure, use), canRetry: true };
    set({ storageNotices: [...get().storageNotices.filter((n) => n.id !== id), notice] });
  };

  /** The same write again; a flow is saved as it is now, through the editor's saver. */
  const retry = async (id: string) => {
    const again = retries.get(id);
    if (!again) return;
    const flowId = id.startsWith("flows.save:") ? (id.slice(11) as FlowId) : null;
    try {
      if (flowId && ctx.editor.getState().flowId === flowId) {
        await ctx.flowSaver().saveOpenFlow();
      } else {
        await again();
      }
    } catch {
      return; // Reported again by the guard: the notice stays, with the new reason.
    }
    retries.delete(id);
    set({ storageNotices: get().storageNotices.filter((n) => n.id !== id) });
    const runId = id.startsWith("saver.finishRun:") ? (id.slice(16) as RunId) : null;
    const saved = runId ? unsaved.get(runId) : undefined;
    if (runId && saved) {
      unsaved.delete(runId);
      const runs = get().runs.map((r) => (r.id === runId ? saved.run : r));
      set({
        runs,
        turns: turnsOf(runs, get().headRunId),
        unsavedRunIds: get().unsavedRunIds.filter((r) => r !== runId),
      });
    }
    if (readOnlyCause === "write" && get().storageNotices.length === 0) leaveReadOnly();
  };

  const state: StorageHealthState = {
    storageNotices: [],
    readOnly: null,
    quotaWarning: null,
    memoryOnly: null,
    openingStuck: null,
    replaced: false,
    unsavedRunIds: [],
    retryStorageWrite: retry,
    dismissStorageNotice(id) {
      set({ storageNotices: get().storageNotices.filter((n) => n.id !== id) });
    },
    dismissQuotaWarning() {
      warningDismissed = true;
      set({ quotaWarning: null });
    },
    async spaceUsers() {
      const { conversationSpace } = await import("../storage/spaceUsage");
      return conversationSpace(ctx.storage().db);
    },
    async freeSpace(conversationId) {
      await get().deleteConversation(conversationId);
      await checkQuota(true);
    },
  };

  let processing: Promise<void> = Promise.resolve();
  return {
    state,
    checkQuota: () => checkQuota(),
    settled: () => processing,
    hooks: {
      failed(write) {
        processing = processing.then(() => failed(write)).catch(() => undefined);
      },
      wrote(op) {
        if (op.endsWith(".delete")) {
          void checkQuota(true);
          return;
        }
        timer ??= setTimeout(() => {
          timer = null;
          void checkQuota();
        }, QUOTA_CHECK_MS);
      },
    },
    showUnsaved(runId) {
      const saved = runId ? unsaved.get(runId) : undefined;
      if (!runId || !saved) return false;
      const runs = [...get().runs.filter((r) => r.id !== runId), saved.run];
      set({
        runs,
        headRunId: runId,
        turns: turnsOf(runs, runId),
        unsavedRunIds: [...get().unsavedRunIds.filter((r) => r !== runId), runId],
      });
      return true;
    },
    async reasonOf(error) {
      const { storageFailureOf, failureReason } = await failures();
      const failure = storageFailureOf(error);
      return failure && failureReason(failure, failure.kind === "full" ? await estimate() : null);
    },
  };
}
