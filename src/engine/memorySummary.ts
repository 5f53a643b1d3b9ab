import type { LlmConfig, ProviderName } from "./flow";
import type { ConversationId, MemoryId, MessageId, NodeId, RunId } from "./ids";
import type { SentMessage } from "./messages";
import type { TokenUsage } from "./provider";

/*
 * Summary memory (docs/memory.md, "Summary memory"): the messages a node's window leaves out
 * are folded into a running summary, sent as one system message after the system prompt.
 * A summary is keyed by its memory and the newest message it covers: the prev links behind
 * that message are the same on every branch that holds it, so branches share what they
 * share and a summary is never built from another branch's messages.
 */

/** How the summary is introduced in the node's call. */
export const SUMMARY_PREFIX = "Summary of earlier conversation: ";

/** A node's summarizer as it runs: the node's provider and model where the config omits them. */
export interface SummarySettings {
  provider: ProviderName;
  model: string;
  /** The summarizer's own base URL; the node's when it uses the node's provider. */
  baseUrl?: string;
  /** Its own instructions; absent: DEFAULT_SUMMARY_PROMPT (summaryUpdate.ts). */
  prompt?: string;
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
  const prompt = given(raw.prompt);
  const ownUrl = given(raw.baseUrl)?.trim();
  const baseUrl = ownUrl || (provider === config.provider ? config.baseUrl : undefined);
  return { provider, model, ...(prompt && { prompt }), ...(baseUrl && { baseUrl }) };
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
