import type { MemoryId, MessageId } from "./ids";
import type { MemorySummary } from "./memorySummary";
import type { MemoryMessage, SentMessage } from "./messages";
import type { Saver } from "./saver";

/*
 * Updating a summary (docs/memory.md, "Summary memory, When it updates"): what the run needs
 * before a node's call, kept apart from memorySummary.ts so the first page (which shows
 * summaries) does not carry it.
 */

/** The summarizer's instructions when the node gives none. */
export const DEFAULT_SUMMARY_PROMPT =
  "You keep the memory of a conversation between a user and an assistant. Update the summary " +
  "so far with the new messages. Keep every fact, name, preference, decision and open " +
  "question a later reply could need; drop small talk. Write plain sentences, at most 200 " +
  "words, and reply with the updated summary only.";

/** Reading stored summaries: Saver.loadSummary, and the run's staged ones first. */
export type SummaryReader = Pick<Saver, "readBack" | "loadSummary">;

/**
 * Hook for pinned memory messages: a pinned message is sent on its own (after the summary,
 * before the window) and never folded. Until pins exist nothing is pinned.
 */
export type IsPinned = (message: MemoryMessage) => boolean;
const NOTHING_PINNED: IsPinned = () => false;

/** What a call needs of its summary before it is sent. */
export type SummaryPlan =
  /** Nothing fell out of the window: no summary is sent. */
  | { kind: "none" }
  /** The summary up to the newest dropped message exists: sent as it is, no call. */
  | { kind: "stored"; summary: MemorySummary }
  /** It must be written: the previous summary on this log plus the messages after it. */
  | {
      kind: "update";
      target: MemoryMessage;
      previous: MemorySummary | null;
      /** The newly dropped messages to fold, oldest first, pinned ones left out. */
      folded: MemoryMessage[];
      /** How many messages the plan read (pinned included): the incremental cost. */
      read: number;
    };

/**
 * Finds what the summary up to `newestDroppedId` needs: walks back from it along prev links
 * and stops at the first message a summary covers. So an update reads only the messages
 * dropped since the last summary of this log (never the whole history once a summary
 * exists), and, following this log's own links, never a message of another branch.
 */
export async function planSummary(
  reader: SummaryReader,
  memoryId: MemoryId,
  newestDroppedId: MessageId | null,
  isPinned: IsPinned = NOTHING_PINNED,
): Promise<SummaryPlan> {
  if (newestDroppedId === null) return { kind: "none" };
  const stored = await reader.loadSummary(memoryId, newestDroppedId);
  if (stored) return { kind: "stored", summary: stored };
  const newestFirst: MemoryMessage[] = [];
  let previous: MemorySummary | null = null;
  let id: MessageId | null = newestDroppedId;
  while (id !== null) {
    if (newestFirst.length > 0) {
      const found = await reader.loadSummary(memoryId, id);
      if (found) {
        previous = found;
        break;
      }
    }
    const [message] = await reader.readBack(id, 1);
    if (!message) break;
    newestFirst.push(message);
    id = message.prev;
  }
  const target = newestFirst[0] as MemoryMessage;
  return {
    kind: "update",
    target,
    previous,
    folded: newestFirst.filter((m) => !isPinned(m)).reverse(),
    read: newestFirst.length,
  };
}

/**
 * What the summarizer is sent: its instructions as the system message, then one user message
 * holding the previous summary and the new messages as a transcript. One user message suits
 * every provider (Anthropic and Google refuse a conversation that starts with the assistant).
 */
export function summaryRequest(
  prompt: string,
  previous: Pick<MemorySummary, "text"> | null,
  folded: readonly Pick<MemoryMessage, "role" | "content">[],
): SentMessage[] {
  const transcript = folded
    .map(
      (m) =>
        `${m.role === "assistant" ? "Assistant" : m.role === "user" ? "User" : "Tool"}: ${m.content}`,
    )
    .join("\n\n");
  const before = previous ? previous.text : "(none yet)";
  return [
    { role: "system", content: prompt, source: { kind: "system" } },
    {
      role: "user",
      content: `Summary so far:\n${before}\n\nNew messages:\n${transcript}`,
      source: { kind: "run" },
    },
  ];
}
