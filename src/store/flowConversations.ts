import type { FlowId, MessageId } from "../engine/ids";
import { isFlowThread } from "../engine/memoryScope";
import type { MemoryMessage } from "../engine/messages";
import type { RunSnapshot } from "../engine/runSnapshot";
import type { ConversationRecord } from "../storage/dbSchema";
import type { StudioStorage } from "../storage/studioStorage";

/** What "Include conversations and memories" adds to an exported file. */
export interface FlowConversationsExport {
  conversations: ConversationRecord[];
  runs: RunSnapshot[];
  memoryMessages: MemoryMessage[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every conversation of a flow with all its runs (every branch) and every memory message those
 * runs wrote. Each message is appended by exactly one run and listed in its `appended`, so
 * resolving those ids finds the whole of each memory log, shared prefixes once.
 * Sorted by creation, so exporting the same data twice gives the same file.
 */
export async function collectFlowConversations(
  storage: Pick<StudioStorage, "conversations" | "runs" | "messages">,
  flowId: FlowId,
): Promise<FlowConversationsExport> {
  const conversations = (await storage.conversations.listByFlow(flowId)).sort(
    (a, b) => a.createdAt - b.createdAt || byText(a.id, b.id),
  );
  // listByConversation already sorts by start time, then id.
  const runs = (
    await Promise.all(conversations.map((c) => storage.runs.listByConversation(c.id)))
  ).flat();
  const ids = [...new Set<MessageId>(runs.flatMap((run) => Object.values(run.appended).flat()))];
  const order = new Map(conversations.map((c, i) => [c.id as string, i]));
  const resolved = await storage.messages.resolve(ids);
  // Memory shared by every conversation of the flow belongs to none of them: the file's
  // conversations section has no place for it yet, so say so rather than write a file
  // that would not import.
  if (resolved.some((m) => isFlowThread(m.conversationId))) {
    throw new Error(
      "This flow has memory shared by every conversation, which cannot be exported with its conversations yet: export it without conversations.",
    );
  }
  const memoryMessages = resolved.sort(
    (a, b) =>
      (order.get(a.conversationId) ?? 0) - (order.get(b.conversationId) ?? 0) ||
      byText(a.memoryId, b.memoryId) ||
      a.index - b.index ||
      byText(a.id, b.id),
  );
  return { conversations, runs, memoryMessages };
}
