import type { ConversationId, RunId } from "../engine/ids";
import type { RunSnapshot } from "../engine/runSnapshot";
import { INDEX, STORE, type StudioDatabase } from "./dbSchema";

/** Run snapshots as the chat and run history views read them. Writes go through the saver. */
export class RunRepository {
  constructor(private readonly db: StudioDatabase) {}

  get(id: RunId): Promise<RunSnapshot | undefined> {
    return this.db.get(STORE.runs, id);
  }

  /** Every run of the conversation, all branches, oldest first. */
  async listByConversation(conversationId: ConversationId): Promise<RunSnapshot[]> {
    const runs = await this.db.getAllFromIndex(
      STORE.runs,
      INDEX.runsByConversationId,
      conversationId,
    );
    return runs.sort(byStart);
  }
}

function byStart(a: RunSnapshot, b: RunSnapshot): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
