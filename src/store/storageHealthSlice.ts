import type { ConversationId, RunId } from "../engine/ids";
import type { RunError } from "../engine/runSnapshot";
import type { SpaceUser } from "../storage/spaceUsage";
import type { StudioStorage } from "../storage/studioStorage";
import type { SliceContext } from "./sliceContext";
import type { WriteHooks } from "./storageGuard";
import type { HealthEngine } from "./storageHealthEngine";

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
  /**
   * The storage takes long to open: "blocked" while another tab holds an older version open,
   * "slow" when the browser does not answer.
   */
  openingStuck: "blocked" | "slow" | null;
  /** A newer version opened in another tab took the storage: this tab must reload. */
  replaced: boolean;
  /** Why no message can be sent now (replaced, storage full, a reply not saved), said as such. */
  writeBlocked: string | null;
  /** Replies shown but not stored (the write failed): each can be saved again. */
  unsavedRunIds: RunId[];
  retryStorageWrite(id: string): Promise<void>;
  dismissStorageNotice(id: string): Promise<void>;
  dismissQuotaWarning(): Promise<void>;
  /** Every conversation with its size, largest first ("Free space"). */
  spaceUsers(): Promise<SpaceUser[]>;
  /** Deletes a conversation (runs and memory with it), then looks at the quota again. */
  freeSpace(conversationId: ConversationId): Promise<void>;
}

/** What the store's wiring and the chat need of the storage health. */
export interface StorageHealth {
  state: StorageHealthState;
  hooks: WriteHooks;
  /** Looks at the quota now (on open). */
  checkQuota(): Promise<void>;
  /**
   * After a run, once its failures are looked at: a reply whose final write failed is put
   * back on screen as it came, marked not saved (null). Given the run's `error`: what the
   * turn should say when storage refused it, or undefined when storage is not the cause.
   */
  settle(runId: RunId | undefined, error?: unknown): Promise<RunError | null | undefined>;
  /** The last flow could not be shown (a record this build cannot read): a new one opens. */
  recoverOpen(error: unknown): Promise<void>;
  /**
   * A newer version opened in another tab: the run in flight is ended as interrupted and
   * saved with what it streamed; the connection closes once this settles.
   */
  letGo(): Promise<void>;
  /**
   * The open failed with `error`: the storage `open` gives (in memory), saying why; rethrows
   * when there is none, or the database is newer than this build (a reload is the way on).
   */
  inMemory(error: unknown, open?: () => Promise<StudioStorage>): Promise<StudioStorage>;
}

/** The quota is looked at no more often than this after writes. */
const QUOTA_CHECK_MS = 2000;

/**
 * Storage health: the state, and the guard's hooks. What it does with a failure (wording,
 * retries, read-only, the quota) is in storageHealthEngine.ts, loaded on first need: the
 * first page carries only this.
 */
export function createStorageHealth(ctx: SliceContext): StorageHealth {
  let engine: Promise<HealthEngine> | null = null;
  /** The engine's method `name`, loading the engine on the first call. */
  const via =
    <K extends keyof HealthEngine>(name: K) =>
    async (...args: Parameters<HealthEngine[K]>): Promise<Awaited<ReturnType<HealthEngine[K]>>> => {
      engine ??= import("./storageHealthEngine").then((m) => m.createHealthEngine(ctx));
      const method = (await engine)[name] as (...a: typeof args) => ReturnType<HealthEngine[K]>;
      return (await method(...args)) as Awaited<ReturnType<HealthEngine[K]>>;
    };
  const checkQuota = via("checkQuota");
  /** The failures reported so far, each looked at in turn. */
  let processing: Promise<unknown> = Promise.resolve();
  let failedAny = false;
  /** A quota check is already waiting: later writes ride along with it. */
  let checkDue = false;

  return {
    state: {
      storageNotices: [],
      readOnly: null,
      quotaWarning: null,
      memoryOnly: null,
      openingStuck: null,
      replaced: false,
      writeBlocked: null,
      unsavedRunIds: [],
      retryStorageWrite: via("retry"),
      dismissStorageNotice: via("dismiss"),
      dismissQuotaWarning: via("dismissWarning"),
      spaceUsers: via("spaceUsers"),
      freeSpace: via("freeSpace"),
    },
    checkQuota: () => checkQuota(false),
    hooks: {
      failed(write) {
        failedAny = true;
        processing = processing.then(() => via("failed")(write)).catch(() => {});
      },
      wrote(op) {
        // A delete may have freed enough room to leave the read-only mode: look at once.
        if (op.endsWith(".delete")) void checkQuota(true);
        else if (!checkDue) {
          checkDue = true;
          setTimeout(() => {
            checkDue = false;
            void checkQuota(false);
          }, QUOTA_CHECK_MS);
        }
      },
    },
    async settle(runId, error) {
      await processing;
      return failedAny || error ? via("settle")(runId, error) : undefined;
    },
    recoverOpen: via("recoverOpen"),
    letGo: via("letGo"),
    inMemory: via("inMemory"),
  };
}
