import { openStudioStorage, type StudioStorage } from "./studioStorage";

/**
 * The app's whole storage in memory, for a browser whose IndexedDB cannot be used (some
 * private modes refuse it): the same repositories and saver over an in-memory IndexedDB, so
 * everything works as usual for this tab and nothing is kept after it. Loaded only then.
 */
export async function openMemoryStorage(): Promise<StudioStorage> {
  const { IDBFactory, IDBKeyRange } = await import("fake-indexeddb");
  // The repositories build key ranges from the global; the browser's own would not be
  // understood by the in-memory database (and nothing else uses IndexedDB in this mode).
  globalThis.IDBKeyRange = IDBKeyRange;
  return openStudioStorage({ indexedDB: new IDBFactory() });
}
