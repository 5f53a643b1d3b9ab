import type { IDBPTransaction, StoreNames } from "idb";
import type { FlowId, MemoryId } from "../engine/ids";
import { keyedRecord } from "../engine/keyedRecord";
import type { MemoryHeads } from "../engine/saver";
import { STORE, type StudioDatabase, type StudioDBSchema } from "./dbSchema";
import { inTransaction } from "./transaction";

/*
 * The heads of a flow's flow-scoped memories (docs/memory.md, "Memory across conversations"),
 * one record per flow in the settings store, so no database version bump was needed. Written
 * only with a run's final record (IndexedDbSaver.finishRun) or by a clear.
 */

/** Do not change without a migration: it lives in users' browsers. */
export const flowMemoryHeadsKey = (flowId: FlowId) => `flowMemoryHeads:${flowId}`;

type SettingsTransaction = IDBPTransaction<
  StudioDBSchema,
  ArrayLike<StoreNames<StudioDBSchema>>,
  "readonly" | "readwrite"
>;

/** The record as stored: only string or null heads are kept (an older or damaged value reads as empty). */
export function readHeads(value: unknown): MemoryHeads {
  const heads = keyedRecord<MemoryHeads[string]>();
  if (typeof value !== "object" || value === null) return heads;
  for (const [memory, head] of Object.entries(value)) {
    if (typeof head === "string" || head === null) heads[memory] = head as MemoryHeads[string];
  }
  return heads;
}

export async function flowHeadsInTx(tx: SettingsTransaction, flowId: FlowId): Promise<MemoryHeads> {
  return readHeads(await tx.objectStore(STORE.settings).get(flowMemoryHeadsKey(flowId)));
}

/** Flow-scoped memory heads as the views read them, and their clearing. */
export class FlowMemoryRepository {
  constructor(private readonly db: StudioDatabase) {}

  async heads(flowId: FlowId): Promise<MemoryHeads> {
    return readHeads(await this.db.get(STORE.settings, flowMemoryHeadsKey(flowId)));
  }

  /**
   * Empties a flow-scoped memory at once, for every conversation of the flow. Nothing is
   * deleted: earlier runs still show what their calls received.
   */
  async clear(flowId: FlowId, memoryId: MemoryId): Promise<void> {
    const tx = this.db.transaction(STORE.settings, "readwrite");
    await inTransaction(tx, async () => {
      const heads = readHeads(await tx.store.get(flowMemoryHeadsKey(flowId)));
      heads[memoryId] = null;
      await tx.store.put({ ...heads }, flowMemoryHeadsKey(flowId));
    });
  }
}
