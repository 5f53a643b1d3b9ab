// idb tells requests from values with `instanceof IDBRequest`, so the globals must be
// fake-indexeddb's before openDatabase runs in Node (as in bench/fakeStorage.ts).
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { unwrap } from "idb";
import type { Flow } from "../../src/engine/flow";
import { flowId } from "../../src/engine/ids";
import { DB_NAME, DB_VERSION, type FlowRecord, INDEX, STORE } from "../../src/storage/dbSchema";
import { openDatabase } from "../../src/storage/openDatabase";
import { SETTINGS } from "../../src/store/settingsKeys";
import { type SeedArgs, type SeedArgsInNode, seedDatabase } from "./inPage";

/** The page seeds the database the app opens on, with the one flow it should show. */
export function seedArgs(flow: Flow): SeedArgs {
  const now = Date.now();
  const record: FlowRecord = {
    id: flowId("bench-1000-nodes"),
    revision: 1,
    flow,
    createdAt: now,
    updatedAt: now,
  };
  return {
    dbName: DB_NAME,
    dbVersion: DB_VERSION,
    store: STORE,
    index: INDEX,
    lastFlowIdKey: SETTINGS.lastFlowId,
    record,
  };
}

/** Stores, key paths and indexes of a database, in a form two databases can be compared by. */
function schemaOf(db: IDBDatabase): string {
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names, "readonly");
  const stores = names.map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].sort().map((i) => {
      const index = store.index(i);
      return { i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    });
    return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
  return JSON.stringify({ version: db.version, stores });
}

/**
 * The seed copies openDatabase's upgrade by hand (the page cannot import it), so before seeding
 * a browser both build a database in fake-indexeddb and must come out the same: a schema change
 * in the app then fails this benchmark loudly instead of measuring a broken app.
 */
export async function checkSeedSchema(args: SeedArgs): Promise<void> {
  const app = unwrap(await openDatabase({ indexedDB: new IDBFactory() }));
  const seededFactory = new IDBFactory();
  const inNode: SeedArgsInNode = { ...args, factory: seededFactory };
  await seedDatabase(inNode);
  const seeded = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = seededFactory.open(args.dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const [want, got] = [schemaOf(app), schemaOf(seeded)];
  app.close();
  seeded.close();
  if (want !== got) {
    throw new Error(
      `the seed's database differs from openDatabase's:\n  app:  ${want}\n  seed: ${got}`,
    );
  }
}
