import { type IDBPDatabase, type IDBPTransaction, type StoreNames, wrap } from "idb";
import { describe, expect, it, vi } from "vitest";
import type { RunSnapshot } from "../engine/runSnapshot";
import { DB_VERSION, STORE, type StudioDBSchema } from "./dbSchema";
import { deleteDatabase, openDatabase, upgradeSchema } from "./openDatabase";
import { FLOW_1, freshIndexedDB, testFlow, testRun } from "./storageTestSupport";

const ALL_STORES = Object.values(STORE).sort();

describe("openDatabase", () => {
  it("creates every store and index on first open", async () => {
    const db = await openDatabase({ indexedDB: freshIndexedDB(), name: "t" });
    expect(Array.from(db.objectStoreNames).sort()).toEqual(ALL_STORES);
    const tx = db.transaction([STORE.conversations, STORE.runs], "readonly");
    expect(Array.from(tx.objectStore(STORE.conversations).indexNames).sort()).toEqual([
      "byFlowId",
      "byFlowIdUpdatedAt",
    ]);
    expect(Array.from(tx.objectStore(STORE.runs).indexNames).sort()).toEqual(["byConversationId"]);
    db.close();
  });

  it("keeps the data when the same version is opened again", async () => {
    const indexedDB = freshIndexedDB();
    const first = await openDatabase({ indexedDB, name: "t" });
    const record = { id: FLOW_1, revision: 1, flow: testFlow("kept"), createdAt: 1, updatedAt: 1 };
    await first.put(STORE.flows, record);
    first.close();

    const second = await openDatabase({ indexedDB, name: "t" });
    expect(second.version).toBe(DB_VERSION);
    expect(await second.get(STORE.flows, FLOW_1)).toEqual(record);
    second.close();
  });

  it("upgrades a version 1 database: its runs stay, the unused by-parent index goes", async () => {
    const indexedDB = freshIndexedDB();
    await createVersion1(indexedDB, "t", testRun("r1"));

    const db = await openDatabase({ indexedDB, name: "t" });
    expect(db.version).toBe(DB_VERSION);
    const runs = db.transaction(STORE.runs).store;
    expect(Array.from(runs.indexNames)).toEqual(["byConversationId"]);
    expect((await runs.get(testRun("r1").id))?.id).toBe("r1");
    db.close();
  });

  it("runs the upgrade ladder twice over the same database without failing", async () => {
    const indexedDB = freshIndexedDB();
    const request = indexedDB.open("t", DB_VERSION);
    request.addEventListener("upgradeneeded", () => {
      // The same casts openDatabase makes, to drive the ladder by hand.
      const db = wrap(request.result) as unknown as IDBPDatabase<StudioDBSchema>;
      const tx = wrap(request.transaction as IDBTransaction) as unknown as IDBPTransaction<
        StudioDBSchema,
        ArrayLike<StoreNames<StudioDBSchema>>,
        "versionchange"
      >;
      upgradeSchema(db, 0, tx);
      upgradeSchema(db, 0, tx);
    });
    const raw = await wrap(request);
    expect(Array.from(raw?.objectStoreNames ?? []).sort()).toEqual(ALL_STORES);
    raw?.close();
  });

  it("closes itself when another tab needs to upgrade, so that tab is not blocked", async () => {
    const indexedDB = freshIndexedDB();
    const onVersionChange = vi.fn();
    const onBlocked = vi.fn();
    const onTerminated = vi.fn();
    const db = await openDatabase({ indexedDB, name: "t", onVersionChange, onTerminated });

    const newerTab = indexedDB.open("t", DB_VERSION + 1);
    newerTab.addEventListener("blocked", onBlocked);
    const newer = await wrap(newerTab);

    expect(newer?.version).toBe(DB_VERSION + 1);
    expect(onVersionChange).toHaveBeenCalledOnce();
    expect(onBlocked).not.toHaveBeenCalled();
    // Closing on purpose is not the abnormal close onTerminated reports.
    expect(onTerminated).not.toHaveBeenCalled();
    await expect(db.get(STORE.flows, FLOW_1)).rejects.toThrow();
    newer?.close();
  });

  it("deletes the database", async () => {
    const indexedDB = freshIndexedDB();
    const db = await openDatabase({ indexedDB, name: "t" });
    await db.put(STORE.settings, "dark", "theme");
    db.close();
    await deleteDatabase({ indexedDB, name: "t" });

    const again = await openDatabase({ indexedDB, name: "t" });
    expect(await again.get(STORE.settings, "theme")).toBeUndefined();
    again.close();
  });
});

/** A database as version 1 of the app left it (raw IndexedDB: the ladder moved on since). */
async function createVersion1(indexedDB: IDBFactory, name: string, run: RunSnapshot) {
  const request = indexedDB.open(name, 1);
  request.addEventListener("upgradeneeded", () => {
    const db = request.result;
    db.createObjectStore(STORE.flows, { keyPath: "id" }).createIndex("byUpdatedAt", "updatedAt");
    const conversations = db.createObjectStore(STORE.conversations, { keyPath: "id" });
    conversations.createIndex("byFlowId", "flowId");
    conversations.createIndex("byFlowIdUpdatedAt", ["flowId", "updatedAt"]);
    const runs = db.createObjectStore(STORE.runs, { keyPath: "id" });
    runs.createIndex("byConversationId", "conversationId");
    runs.createIndex("byParentRunId", "parentRunId");
    runs.put(run);
    db.createObjectStore(STORE.memoryMessages, { keyPath: "id" }).createIndex(
      "byConversationId",
      "conversationId",
    );
    db.createObjectStore(STORE.settings);
  });
  const db = await wrap(request);
  db?.close();
}
