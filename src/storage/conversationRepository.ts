import { type ConversationId, type FlowId, newId, type RunId } from "../engine/ids";
import { deleteConversationsInTx } from "./cascadeDelete";
import { type Clock, systemClock } from "./clock";
import { type ConversationRecord, INDEX, STORE, type StudioDatabase } from "./dbSchema";
import { NotFoundError } from "./storageErrors";
import { inTransaction } from "./transaction";

export interface NewConversation {
  flowId: FlowId;
  /** Defaults to a fresh random id. */
  id?: ConversationId;
  /** Defaults to "New conversation"; the first run does not retitle an explicit one. */
  title?: string;
}

export class ConversationRepository {
  constructor(
    private readonly db: StudioDatabase,
    private readonly now: Clock = systemClock,
  ) {}

  /** Fails (ConstraintError) if the id is taken, rather than wiping that conversation's head. */
  async create(input: NewConversation): Promise<ConversationRecord> {
    const now = this.now();
    const record: ConversationRecord = {
      id: input.id ?? newId<"ConversationId">(),
      flowId: input.flowId,
      title: input.title ?? "New conversation",
      createdAt: now,
      updatedAt: now,
      headRunId: null,
    };
    await this.db.add(STORE.conversations, record);
    return record;
  }

  get(id: ConversationId): Promise<ConversationRecord | undefined> {
    return this.db.get(STORE.conversations, id);
  }

  /** The flow's conversations, most recently active first. */
  async listByFlow(flowId: FlowId): Promise<ConversationRecord[]> {
    const range = IDBKeyRange.bound([flowId, -Infinity], [flowId, Infinity]);
    const records = await this.db.getAllFromIndex(
      STORE.conversations,
      INDEX.conversationsByFlowIdUpdatedAt,
      range,
    );
    return records.reverse();
  }

  /** Keeps updatedAt: a rename is not activity, so the list does not reorder under the user. */
  rename(id: ConversationId, title: string): Promise<ConversationRecord> {
    return this.update(id, (record) => ({ ...record, title }));
  }

  /**
   * Switches the branch the conversation continues from (null: back before the first run).
   * The run must belong to this conversation: a foreign head would mix two histories.
   */
  async setHeadRun(id: ConversationId, runId: RunId | null): Promise<ConversationRecord> {
    const tx = this.db.transaction([STORE.conversations, STORE.runs], "readwrite");
    return inTransaction(tx, async () => {
      const conversations = tx.objectStore(STORE.conversations);
      const record = await conversations.get(id);
      if (!record) throw new NotFoundError(`Conversation ${id} does not exist`);
      if (runId !== null) {
        const run = await tx.objectStore(STORE.runs).get(runId);
        if (!run) throw new NotFoundError(`Run ${runId} does not exist`);
        if (run.conversationId !== id) {
          throw new Error(`Run ${runId} belongs to conversation ${run.conversationId}, not ${id}`);
        }
      }
      const updated: ConversationRecord = { ...record, headRunId: runId };
      await conversations.put(updated);
      return updated;
    });
  }

  /** Deletes the conversation, its runs and its memory messages, all or nothing. */
  async delete(id: ConversationId): Promise<void> {
    const tx = this.db.transaction(
      [
        STORE.conversations,
        STORE.runs,
        STORE.memoryMessages,
        STORE.memorySummaries,
        STORE.settings,
      ],
      "readwrite",
    );
    await inTransaction(tx, () => deleteConversationsInTx(tx, [id]));
  }

  private async update(
    id: ConversationId,
    change: (record: ConversationRecord) => ConversationRecord,
  ): Promise<ConversationRecord> {
    const tx = this.db.transaction(STORE.conversations, "readwrite");
    return inTransaction(tx, async () => {
      const record = await tx.store.get(id);
      if (!record) throw new NotFoundError(`Conversation ${id} does not exist`);
      const updated = change(record);
      await tx.store.put(updated);
      return updated;
    });
  }
}
