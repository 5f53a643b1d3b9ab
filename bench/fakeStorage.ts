// idb tells requests from values with `instanceof IDBRequest` and friends, so the globals must
// be fake-indexeddb's before any database is opened (as in src/storage/storageTestSupport.ts).
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { openStudioStorage, type StudioStorage } from "../src/storage/studioStorage";

/** The app's real storage over a brand-new, empty in-process IndexedDB. */
export function openBenchStorage(): Promise<StudioStorage> {
  return openStudioStorage({ name: "bench", indexedDB: new IDBFactory() });
}
