import type { LlmConfig, ProviderName } from "./flow";
import type { ConversationId, MemoryId, MessageId, NodeId, RunId } from "./ids";
import type { MemoryMessage, SentMessage } from "./messages";
import type { TokenUsage } from "./provider";
import type { Saver } from "./saver";

/*
 * Summary memory (docs/memory.md, "Summary memory"): the messages a node's window leaves out
 * are folded into a running summary, sent as one system message after the system prompt.
 * A summary is keyed by its memory and the newest message it covers: the prev links behind
 * that message are the same on every branch that holds it, so branches share what they
 * share and a summary is never built from another branch's messages.
 */

/** The summarizer's instructions when the node gives none. */
export const DEFAULT_SUMMARY_PROMPT =
  "You keep the memory of a conversation between a user and an assistant. Update the summary " +
  "so far with the new messages. Keep every fact, name, preference, decision and open " +
  "question a later reply could need; drop small talk. Write plain sentences, at most 200 " +
  "words, and reply with the updated summary only.";

/** How the summary is introduced in the node's call. */
export const SUMMARY_PREFIX = "Summary of earlier conversation: ";

/** A node's summarizer as it runs: the node's provider and model where the config omits them. */
export interface SummarySettings {
  provider: ProviderName;
  model: string;
  /** The summarizer's own base URL; the node's when it uses the node's provider. */
  baseUrl?: string;
  prompt: string;
}

/** The summarizer of an LLM config; null when summary memory is off (absent or not an object). */
export function summarySettings(
  config: Pick<LlmConfig, "provider" | "model" | "baseUrl" | "memorySummary">,
): SummarySettings | null {
  const raw = config.memorySummary;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  // Read defensively: a flow from a file or a paste is checked by the validator, not here.
  const given = (value: unknown) =>
    typeof value === "string" && value.trim() !== "" ? value : undefined;
  const provider = (given(raw.provider) as ProviderName | undefined) ?? config.provider;
  const model = given(raw.model) ?? config.model;
  const prompt = given(raw.prompt) ?? DEFAULT_SUMMARY_PROMPT;
  const ownUrl = given(raw.baseUrl)?.trim();
  const baseUrl = ownUrl || (provider === config.provider ? config.baseUrl : undefined);
  return { provider, model, prompt, ...(baseUrl && { baseUrl }) };
}

/**
 * One summary of a memory log, stored once per memory and newest message covered. It covers
 * every message from the log's start to `coversId`, except pinned ones (never folded).
 */
export interface MemorySummary {
  memoryId: MemoryId;
  /** The newest message folded in: the summary stands for the log up to and with it. */
  coversId: MessageId;
  /** How many messages of the log it stands for (coversId's index + 1). */
  coveredCount: number;
  /** The thread of the messages (a conversation, or a flow's `flow:<flowId>`). */
  conversationId: ConversationId;
  text: string;
  /** The summary this one updated (its coversId), or null for the first. */
  previousCoversId: MessageId | null;
  /** How many messages this update folded in (pinned ones excluded). */
  foldedCount: number;
  /** The run and node whose call wrote it. */
  runId: RunId;
  nodeId: NodeId;
  createdAt: number;
}

/** One summary per memory and covered-up-to message: the key both savers store it under. */
export const summaryKey = (memoryId: MemoryId, coversId: MessageId): string =>
  `${memoryId}\u0000${coversId}`;

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

/** The summary as the node's call receives it: one system message, right after the system prompt. */
export const summaryMessage = (
  summary: Pick<MemorySummary, "text" | "memoryId" | "coversId">,
): SentMessage => ({
  role: "system",
  content: `${SUMMARY_PREFIX}${summary.text}`,
  source: { kind: "summary", memoryId: summary.memoryId, coversId: summary.coversId },
});

/** What a run records of the summary a call used (LlmCallRecord.summary). */
export interface SummaryCallRecord {
  memoryId: MemoryId;
  /** The summary sent: the log up to this message. */
  coversId: MessageId;
  coveredCount: number;
  /** Written by this call (true) or read as stored (false). */
  updated: boolean;
  /** For an update: the summary it started from, how many messages it folded, and the call. */
  previousCoversId?: MessageId | null;
  foldedCount?: number;
  provider?: string;
  model?: string;
  /** Exactly what the summarizer was sent (its instructions, the previous summary, the new messages). */
  request?: SentMessage[];
  reply?: string;
  usage?: TokenUsage;
  tokens?: { total: number; exact: boolean; counter: string };
  latencyMs?: number;
}
