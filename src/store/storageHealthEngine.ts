import type { ConversationId, FlowId, RunId } from "../engine/ids";
import type { MemoryMessage } from "../engine/messages";
import type { RunError, RunSnapshot } from "../engine/runSnapshot";
import { STARTER_FLOWS } from "../engine/starterFlows";
import type { SpaceUser } from "../storage/spaceUsage";
import { failureReason, storageFailureOf } from "../storage/storageFailures";
import type { StudioStorage } from "../storage/studioStorage";
import { createFlowRecord, showFlow } from "./flowLibrarySlice";
import { messageOf, type SliceContext } from "./sliceContext";
import type { FailedWrite } from "./storageGuard";
import type { StorageUse } from "./storageHealthSlice";
import { turnsOf } from "./turnList";

/** At or above this share of the quota, the app stops writing (read-only) until space is freed. */
export const FULL_SHARE = 0.98;
export const WARN_SHARE = 0.8;
export const REPLACED_NOTICE =
  "LLM Flow Studio was updated in another tab; reload this tab to continue.";
export const FULL_NOTICE = "Storage is full: free space, then send again.";
export const UNSAVED_NOTICE = "The last reply is not saved: press Retry save first.";
/** How long a tab asked to let go of its storage waits for its run to be saved. */
const LET_GO_MS = 4000;

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

/** The lazy half of storageHealthSlice.ts: wording, retries, the quota and unsaved replies. */
export interface HealthEngine {
  failed(write: FailedWrite): Promise<void>;
  checkQuota(afterDelete: boolean): Promise<void>;
  retry(id: string): Promise<void>;
  dismissWarning(): void;
  dismiss(id: string): void;
  spaceUsers(): Promise<SpaceUser[]>;
  freeSpace(conversationId: ConversationId): Promise<void>;
  settle(runId: RunId | undefined, error: unknown): Promise<RunError | null | undefined>;
  recoverOpen(error: unknown): Promise<void>;
  letGo(): Promise<void>;
  inMemory(error: unknown, open?: () => Promise<StudioStorage>): Promise<StudioStorage>;
}

export function createHealthEngine(ctx: SliceContext): HealthEngine {
  const { set, get } = ctx;
  const retries = new Map<string, () => Promise<unknown>>();
  /** Failed final writes, by run: what to write again ("Retry save"). */
  const unsaved = new Map<RunId, { run: RunSnapshot; messages: readonly MemoryMessage[] }>();
  let readOnlyCause: "write" | "usage" | null = null;
  let warningDismissed = false;

  const estimate = async (): Promise<StorageUse | null> => {
    if (get().memoryOnly) return null;
    const found = await ctx.browser.storageManager?.estimate?.().catch(() => null);
    return found && typeof found.usage === "number" && found.quota ? (found as StorageUse) : null;
  };

  /**
   * What a message is told while it cannot be sent: the tab was replaced, storage is full, or
   * the last reply is not saved (it would continue from a run that is not stored).
   */
  const block = () => {
    const { replaced, readOnly, unsavedRunIds } = get();
    set({
      writeBlocked: replaced
        ? REPLACED_NOTICE
        : readOnly
          ? FULL_NOTICE
          : unsavedRunIds.length > 0
            ? UNSAVED_NOTICE
            : null,
    });
  };

  const leaveReadOnly = () => {
    readOnlyCause = null;
    set({ readOnly: null });
    block();
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
      block();
      return;
    }
    if (get().readOnly && (afterDelete || readOnlyCause === "usage")) leaveReadOnly();
    if (share < WARN_SHARE) warningDismissed = false;
    set({ quotaWarning: share >= WARN_SHARE && !warningDismissed ? use : null });
  };

  const failed = async (write: FailedWrite) => {
    const failure = storageFailureOf(write.error);
    // Not storage failing (a conflict, a missing record): its caller says what happened.
    // After a newer version took the storage, the banner says it once for every write.
    if (!failure || get().replaced) return;
    const use = failure.kind === "full" ? await estimate() : null;
    if (failure.kind === "full") {
      readOnlyCause = "write";
      set({ readOnly: { use }, quotaWarning: null });
      block();
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
      block();
    }
    if (readOnlyCause === "write" && get().storageNotices.length === 0) leaveReadOnly();
  };

  return {
    failed,
    checkQuota,
    retry,
    dismiss(id) {
      retries.delete(id);
      set({ storageNotices: get().storageNotices.filter((n) => n.id !== id) });
    },
    dismissWarning() {
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
    async settle(runId, error) {
      const saved = runId ? unsaved.get(runId) : undefined;
      if (!runId || !saved) {
        const failure = error ? storageFailureOf(error) : null;
        if (!failure) return undefined;
        const use = failure.kind === "full" ? await estimate() : null;
        return { kind: "internal", message: `Not saved: ${failureReason(failure, use)}.` };
      }
      const runs = [...get().runs.filter((r) => r.id !== runId), saved.run];
      set({
        runs,
        headRunId: runId,
        turns: turnsOf(runs, runId),
        unsavedRunIds: [...get().unsavedRunIds.filter((r) => r !== runId), runId],
      });
      block();
      return null;
    },
    async letGo() {
      set({ replaced: true });
      block();
      const running = get().running;
      if (!running) return;
      // A run in flight has loaded the engine's run code: this import only finds it.
      const { RunInterruption } = await import("../engine/runFlow");
      running.abort(new RunInterruption("A newer version opened in another tab"));
      // The run's last write (interrupted, with its text) lands before the connection closes;
      // the other tab waits for it, but not forever.
      const end = Date.now() + LET_GO_MS;
      while (get().running !== null && Date.now() < end) {
        await new Promise((tick) => setTimeout(tick, 25));
      }
    },
    async inMemory(error, open) {
      const name = (error as Error | null)?.name;
      if (!open || name === "VersionError") throw error;
      const storage = await open();
      set({ memoryOnly: messageOf(error) || String(name) });
      return storage;
    },
    async recoverOpen(error) {
      // Nothing stored may keep the app shut: a new flow opens, and the notice says why.
      await showFlow(ctx, await createFlowRecord(ctx, STARTER_FLOWS.chatWithMemory.build()));
      const what = "Could not open your last flow, so a new one was opened";
      const notice = { id: "open", what, reason: messageOf(error), canRetry: false };
      set({ storageNotices: [...get().storageNotices, notice] });
    },
  };
}
