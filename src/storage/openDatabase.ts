import { type IDBPDatabase, type IDBPTransaction, type StoreNames, unwrap, wrap } from "idb";
import {
  DB_NAME,
  DB_VERSION,
  INDEX,
  RETIRED_INDEX,
  STORE,
  type StudioDatabase,
  type StudioDBSchema,
} from "./dbSchema";

export interface OpenDatabaseOptions {
  /** Defaults to DB_NAME; tests pass their own. */
  name?: string;
  /**
   * Defaults to the global `indexedDB`. Tests pass a fresh fake-indexeddb `IDBFactory` so
   * each test starts from an empty browser (idb's `openDB` can only use the global).
   */
  indexedDB?: IDBFactory;
  /** Another tab holds an older version open; the open waits until it closes. */
  onBlocked?: () => void;
  /**
   * Another tab wants to upgrade or delete the database. The connection is closed once the
   * returned promise settles (the caller saves its run in flight first; that tab waits,
   * blocked, meanwhile); every later call on it throws. Ask for a reload.
   */
  onVersionChange?: () => void | Promise<void>;
  /** The browser closed the connection abnormally (e.g. storage cleared by the user). */
  onTerminated?: () => void;
}

type UpgradeTransaction = IDBPTransaction<
  StudioDBSchema,
  ArrayLike<StoreNames<StudioDBSchema>>,
  "versionchange"
>;

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<StudioDatabase> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const request = factory.open(options.name ?? DB_NAME, DB_VERSION);
  request.addEventListener("upgradeneeded", (event) => {
    // Typed views of the raw objects; idb's own openDB does the same casts internally.
    const db = wrap(request.result) as unknown as IDBPDatabase<StudioDBSchema>;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTransaction;
    upgradeSchema(db, event.oldVersion, tx);
  });
  request.addEventListener("blocked", () => options.onBlocked?.());

  const raw = await wrap(request);
  if (!raw) throw new Error("IndexedDB open succeeded without a database");
  const db = raw as unknown as StudioDatabase;
  db.addEventListener("versionchange", () => {
    void Promise.resolve(options.onVersionChange?.())
      .catch(() => {})
      .finally(() => db.close());
  });
  db.addEventListener("close", () => options.onTerminated?.());
  return db;
}

/**
 * The upgrade ladder: one `if (oldVersion < N)` step per schema version, never edited once
 * released. Each step checks what exists before creating it, so running it again over a
 * database that already has the stores is harmless.
 */
export function upgradeSchema(
  db: IDBPDatabase<StudioDBSchema>,
  oldVersion: number,
  tx: UpgradeTransaction,
): void {
  if (oldVersion < 1) {
    const flows = db.objectStoreNames.contains(STORE.flows)
      ? tx.objectStore(STORE.flows)
      : db.createObjectStore(STORE.flows, { keyPath: "id" });
    if (!flows.indexNames.contains(INDEX.flowsByUpdatedAt)) {
      flows.createIndex(INDEX.flowsByUpdatedAt, "updatedAt");
    }

    const conversations = db.objectStoreNames.contains(STORE.conversations)
      ? tx.objectStore(STORE.conversations)
      : db.createObjectStore(STORE.conversations, { keyPath: "id" });
    if (!conversations.indexNames.contains(INDEX.conversationsByFlowId)) {
      conversations.createIndex(INDEX.conversationsByFlowId, "flowId");
    }
    if (!conversations.indexNames.contains(INDEX.conversationsByFlowIdUpdatedAt)) {
      conversations.createIndex(INDEX.conversationsByFlowIdUpdatedAt, ["flowId", "updatedAt"]);
    }

    const runs = db.objectStoreNames.contains(STORE.runs)
      ? tx.objectStore(STORE.runs)
      : db.createObjectStore(STORE.runs, { keyPath: "id" });
    if (!runs.indexNames.contains(INDEX.runsByConversationId)) {
      runs.createIndex(INDEX.runsByConversationId, "conversationId");
    }
    // Raw store: the index's type left the typed schema with version 2.
    const rawRuns = unwrap(runs);
    if (!rawRuns.indexNames.contains(RETIRED_INDEX.runsByParentRunId)) {
      rawRuns.createIndex(RETIRED_INDEX.runsByParentRunId, "parentRunId");
    }

    const messages = db.objectStoreNames.contains(STORE.memoryMessages)
      ? tx.objectStore(STORE.memoryMessages)
      : db.createObjectStore(STORE.memoryMessages, { keyPath: "id" });
    if (!messages.indexNames.contains(INDEX.messagesByConversationId)) {
      messages.createIndex(INDEX.messagesByConversationId, "conversationId");
    }

    if (!db.objectStoreNames.contains(STORE.settings)) {
      // Out-of-line keys: a setting's value can be any JSON, not only an object with an id.
      db.createObjectStore(STORE.settings);
    }
  }
  if (oldVersion < 2) {
    // Nothing reads runs by parent; the index only cost a write per run.
    const runs = unwrap(tx.objectStore(STORE.runs));
    if (runs.indexNames.contains(RETIRED_INDEX.runsByParentRunId)) {
      runs.deleteIndex(RETIRED_INDEX.runsByParentRunId);
    }
  }
  if (oldVersion < 3) {
    // Summary memory: one summary per memory and the newest message it covers.
    const summaries = db.objectStoreNames.contains(STORE.memorySummaries)
      ? tx.objectStore(STORE.memorySummaries)
      : db.createObjectStore(STORE.memorySummaries, { keyPath: ["memoryId", "coversId"] });
    if (!summaries.indexNames.contains(INDEX.summariesByConversationId)) {
      summaries.createIndex(INDEX.summariesByConversationId, "conversationId");
    }
  }
}

/** Removes the whole database: "erase all my data" in settings, and test cleanup. */
export async function deleteDatabase(
  options: Pick<OpenDatabaseOptions, "name" | "indexedDB" | "onBlocked"> = {},
): Promise<void> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const request = factory.deleteDatabase(options.name ?? DB_NAME);
  request.addEventListener("blocked", () => options.onBlocked?.());
  await wrap(request);
}
