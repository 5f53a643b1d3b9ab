/** The part of Web Storage the store uses (localStorage, sessionStorage). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The part of navigator.storage the Settings dialog reports. Each call may be missing. */
export interface StorageManagerLike {
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persist?(): Promise<boolean>;
}

/**
 * What the store needs of the browser page. src/ui/browserServices.ts gives the real ones;
 * tests give fakes. Nothing in src/store reaches for `window` or `document` itself, so a
 * store can be built (and tested) without a page.
 * Other tabs of the app on the same origin share its IndexedDB: `tabs` tells them what
 * changed (tabMessages.ts) and `locks` keeps two tabs from running in one conversation at once.
 */
export interface BrowserServices {
  /** The page's origin: local providers (Ollama, LM Studio) are told which page calls them. */
  readonly origin: string;
  /** Null where the browser refuses it (some privacy modes); each call may still throw. */
  readonly localStorage: KeyValueStorage | null;
  readonly sessionStorage: KeyValueStorage | null;
  /** null where the page cannot see navigator.storage (it needs https or localhost). */
  readonly storageManager: StorageManagerLike | null;
  /**
   * Calls `listener` when the page is hidden (visibilitychange to hidden) or closed
   * (pagehide): the last moment to write what must survive. Returns the unsubscribe.
   */
  onPageHide(listener: () => void): () => void;
  /** The app's other tabs (a BroadcastChannel); absent or null where the browser has none. */
  readonly tabs?: TabPort | null;
  /** Locks shared with the other tabs (navigator.locks); absent or null: runs go unlocked. */
  readonly locks?: LockManagerLike | null;
}

/**
 * A message to the app's other tabs. It carries ids only, never data (keys least of all):
 * the receiving tab reads what changed from IndexedDB, the one source of truth.
 */
export type TabMessage =
  | { type: "flow-saved"; flowId: string; revision: number }
  | { type: "flow-deleted"; flowId: string }
  /** Many flows at once (a backup restored): the list and the open flow's chats are re-read. */
  | { type: "flows-changed" }
  /** Created, renamed, deleted, or its head moved (a branch switched). */
  | { type: "conversations-changed" }
  /** A run began, streamed more text (its draft) or ended. */
  | { type: "run-changed"; conversationId: string; runId: string; running: boolean }
  /** Keys, base URLs, approvals, where keys are kept, or timeouts. */
  | { type: "settings-changed" }
  | { type: "theme-changed" }
  /** A memory message edited, deleted, pinned or restored: memory views read again. */
  | { type: "memory-edited" };

/**
 * The part of a BroadcastChannel the store uses: the page gives a real one; tabChannel.ts
 * wraps it. A post reaches every other tab of the app, never the one that posted.
 */
export interface TabPort {
  postMessage(message: TabMessage): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
}

/** The part of navigator.locks (Web Locks) the store uses: one holder per name, across tabs. */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

/** A Map-backed KeyValueStorage, for tests and for pages without Web Storage. */
export function memoryKeyValueStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, String(value)),
    removeItem: (key) => void values.delete(key),
  };
}
