import type { Page } from "@playwright/test";
import { DB_NAME } from "../../src/storage/dbSchema";

/** Every record of one object store, read straight from IndexedDB: what a reload finds. */
export function storedRecords<T>(page: Page, storeName: string): Promise<T[]> {
  return page.evaluate(
    ({ dbName, storeName }) =>
      new Promise<T[]>((resolve, reject) => {
        // No version: opens the database as the app left it, never upgrades it.
        const request = indexedDB.open(dbName);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(storeName, "readonly").objectStore(storeName).getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
        };
      }),
    { dbName: DB_NAME, storeName },
  );
}

/** How many records each of `stores` holds, read straight from IndexedDB in one transaction. */
export function countRecords(
  page: Page,
  stores: readonly string[],
): Promise<Record<string, number>> {
  return page.evaluate(
    ({ dbName, stores }) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(stores, "readonly");
          const counts: Record<string, number> = {};
          for (const store of stores) {
            const count = tx.objectStore(store).count();
            count.onsuccess = () => {
              counts[store] = count.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { dbName: DB_NAME, stores: [...stores] },
  );
}
