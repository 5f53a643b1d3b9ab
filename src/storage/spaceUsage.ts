import type { ConversationId, FlowId } from "../engine/ids";
import { STORE, type StudioDatabase } from "./dbSchema";

/** A conversation and roughly how much room it takes (its record, runs and memory). */
export interface SpaceUser {
  conversationId: ConversationId;
  flowId: FlowId;
  flowName: string;
  title: string;
  runs: number;
  /** An estimate: the records' JSON length, which tracks what the browser stores. */
  bytes: number;
  updatedAt: number;
}

const sizeOf = (value: unknown): number => {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
};

/**
 * Every conversation with its size, largest first: what "Free space" offers to delete.
 * Reads everything once (on demand, when the user asks what takes room).
 */
export async function conversationSpace(db: StudioDatabase): Promise<SpaceUser[]> {
  const tx = db.transaction(
    [STORE.flows, STORE.conversations, STORE.runs, STORE.memoryMessages],
    "readonly",
  );
  const [flows, conversations] = await Promise.all([
    tx.objectStore(STORE.flows).getAll(),
    tx.objectStore(STORE.conversations).getAll(),
  ]);
  const names = new Map(flows.map((f) => [f.id, f.flow?.name ?? "Unnamed flow"]));
  const users = new Map<ConversationId, SpaceUser>();
  for (const c of conversations) {
    users.set(c.id, {
      conversationId: c.id,
      flowId: c.flowId,
      flowName: names.get(c.flowId) ?? "Deleted flow",
      title: c.title,
      runs: 0,
      bytes: sizeOf(c),
      updatedAt: c.updatedAt,
    });
  }
  for (
    let cursor = await tx.objectStore(STORE.runs).openCursor();
    cursor;
    cursor = await cursor.continue()
  ) {
    const user = users.get(cursor.value.conversationId);
    if (!user) continue;
    user.runs += 1;
    user.bytes += sizeOf(cursor.value);
  }
  for (
    let cursor = await tx.objectStore(STORE.memoryMessages).openCursor();
    cursor;
    cursor = await cursor.continue()
  ) {
    const user = users.get(cursor.value.conversationId);
    if (user) user.bytes += sizeOf(cursor.value);
  }
  return [...users.values()].sort((a, b) => b.bytes - a.bytes);
}
