import type { ConversationId, RunId } from "../engine/ids";
import type { RunSnapshot } from "../engine/runSnapshot";
import { INDEX, STORE, type StudioDatabase } from "./dbSchema";
import { CorruptStorageError } from "./storageErrors";

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

  /**
   * Runs continuing from `parentRunId`, oldest first: more than one means the user branched
   * there (edit or resend). Root runs are not in that index (a null parent is not a valid
   * key): filter `listByConversation` on `parentRunId === null` for branches at the start.
   */
  async listChildren(parentRunId: RunId): Promise<RunSnapshot[]> {
    const runs = await this.db.getAllFromIndex(STORE.runs, INDEX.runsByParentRunId, parentRunId);
    return runs.sort(byStart);
  }

  /**
   * The branch ending at `headRunId`, root first: what the chat view shows. One get per run
   * of the branch, in one transaction. A missing parent throws CorruptStorageError.
   */
  async runPath(headRunId: RunId | null): Promise<RunSnapshot[]> {
    const path: RunSnapshot[] = [];
    if (headRunId === null) return path;
    const store = this.db.transaction(STORE.runs, "readonly").store;
    const seen = new Set<RunId>();
    let id: RunId | null = headRunId;
    while (id !== null) {
      if (seen.has(id)) throw new CorruptStorageError(`Run chain loops back to run ${id}`);
      seen.add(id);
      const run: RunSnapshot | undefined = await store.get(id);
      if (!run) {
        throw new CorruptStorageError(
          `Run ${id} is missing (walking back from ${headRunId}): storage is corrupted`,
        );
      }
      path.push(run);
      id = run.parentRunId;
    }
    return path.reverse();
  }
}

function byStart(a: RunSnapshot, b: RunSnapshot): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
