import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import { flowThreadId } from "../engine/memoryScope";
import { deleteConversationsInTx } from "./cascadeDelete";
import { type Clock, systemClock } from "./clock";
import { type FlowRecord, INDEX, STORE, type StudioDatabase } from "./dbSchema";
import { flowMemoryHeadsKey } from "./flowMemoryHeads";
import { RevisionConflictError } from "./storageErrors";
import { fromStored, storedAsText, storedName, toStored } from "./storedFlow";
import { inTransaction } from "./transaction";

/** A flow as the Flows menu lists it. */
export interface FlowListEntry {
  id: FlowId;
  name: string;
  updatedAt: number;
}

export class FlowRepository {
  constructor(
    private readonly db: StudioDatabase,
    private readonly now: Clock = systemClock,
  ) {}

  /**
   * Creates the flow at revision 1 or bumps its revision. Pass `expectedRevision` (the
   * revision the editor loaded) to refuse overwriting a save made meanwhile in another tab.
   */
  async save(id: FlowId, flow: Flow, expectedRevision?: number): Promise<FlowRecord> {
    // A large flow's text is written first, in slices that leave the page responsive: the
    // transaction cannot wait for them (IndexedDB commits one left without a request).
    // Only a large flow is stored as text; its sliced writer loads with the first such save.
    const flowText = storedAsText(flow)
      ? await import("./flowText").then((m) => m.flowToText(flow))
      : undefined;
    const tx = this.db.transaction(STORE.flows, "readwrite");
    return inTransaction(tx, async () => {
      const existing = await tx.store.get(id);
      const current = existing?.revision ?? 0;
      if (expectedRevision !== undefined && expectedRevision !== current) {
        throw new RevisionConflictError(
          `Flow ${id} is at revision ${current}, not ${expectedRevision}: it was saved elsewhere`,
        );
      }
      const now = this.now();
      const record: FlowRecord = {
        id,
        revision: current + 1,
        flow,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await tx.store.put(toStored(record, flowText));
      return record;
    });
  }

  async get(id: FlowId): Promise<FlowRecord | undefined> {
    const stored = await this.db.get(STORE.flows, id);
    return stored && fromStored(stored);
  }

  /** Newest first (last saved on top). */
  async list(): Promise<FlowRecord[]> {
    const records = await this.db.getAllFromIndex(STORE.flows, INDEX.flowsByUpdatedAt);
    return records.reverse().map(fromStored);
  }

  /** Newest first, without reading the flows: what the Flows menu shows. */
  async summaries(): Promise<FlowListEntry[]> {
    const records = await this.db.getAllFromIndex(STORE.flows, INDEX.flowsByUpdatedAt);
    return records
      .reverse()
      .map((r) => ({ id: r.id, name: storedName(r), updatedAt: r.updatedAt }));
  }

  /** Deletes the flow and, in the same transaction, every conversation of it. */
  async delete(id: FlowId): Promise<void> {
    const tx = this.db.transaction(
      [
        STORE.flows,
        STORE.conversations,
        STORE.runs,
        STORE.memoryMessages,
        STORE.memorySummaries,
        STORE.settings,
      ],
      "readwrite",
    );
    await inTransaction(tx, async () => {
      const conversationIds = await tx
        .objectStore(STORE.conversations)
        .index(INDEX.conversationsByFlowId)
        .getAllKeys(id);
      // The flow's shared memories go too: their thread, and their heads.
      await deleteConversationsInTx(tx, [...conversationIds, flowThreadId(id)]);
      await tx.objectStore(STORE.settings).delete(flowMemoryHeadsKey(id));
      await tx.objectStore(STORE.flows).delete(id);
    });
  }
}
