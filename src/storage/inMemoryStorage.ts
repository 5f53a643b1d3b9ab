import { openStudioStorage, type StudioStorage } from "./studioStorage";

/**
 * The app's whole storage in memory, for a browser whose IndexedDB cannot be used (some
 * private modes refuse it): the same repositories and saver over an in-memory IndexedDB
 * (fake-indexeddb), so everything works as usual in this tab and nothing is kept after it.
 * Loaded only then.
 */
export async function openMemoryStorage(): Promise<StudioStorage> {
  const fake = await import("fake-indexeddb");
  // idb recognises requests, databases and cursors by the global classes, and the
  // repositories build key ranges from the global: the in-memory ones stand in for them
  // (nothing else uses IndexedDB in this mode). `indexedDB` itself is left as it was.
  Object.assign(globalThis, {
    IDBRequest: fake.IDBRequest,
    IDBOpenDBRequest: fake.IDBOpenDBRequest,
    IDBDatabase: fake.IDBDatabase,
    IDBTransaction: fake.IDBTransaction,
    IDBObjectStore: fake.IDBObjectStore,
    IDBIndex: fake.IDBIndex,
    IDBCursor: fake.IDBCursor,
    IDBCursorWithValue: fake.IDBCursorWithValue,
    IDBKeyRange: fake.IDBKeyRange,
    IDBVersionChangeEvent: fake.IDBVersionChangeEvent,
  });
  return openStudioStorage({ indexedDB: new fake.IDBFactory() });
}
