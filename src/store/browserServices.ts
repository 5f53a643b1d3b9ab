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
 *
 * Room is left for cross-tab services (BroadcastChannel to tell other tabs of a save, Web
 * Locks for one writer per flow): they join this interface when the store needs them.
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
