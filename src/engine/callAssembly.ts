import type { LlmConfig } from "./flow";
import type { MemoryId, MessageId } from "./ids";
import { keptTokens, type MemorySettings } from "./memorySettings";
import { type MemorySummary, summaryMessage } from "./memorySummary";
import type { DroppedRead, WindowSelection } from "./memoryWindow";
import { DROPPED_SHOWN, readDropped, readWindow } from "./memoryWindow";
import type { MemoryMessage, SentMessage } from "./messages";
import { contextLengthOf } from "./providers/providerTable";
import { type MemoryHeads, type MemoryReader, memoryHead } from "./saver";
import { ESTIMATE, loadTokenCounter, type TokenCounter } from "./tokenCount";

/*
 * The messages of an LLM call, assembled in one place for everyone who shows or sends them:
 * the run (runFlow), the inspector's Next call preview and the run inspector. The order is
 * docs/memory.md's "What a call receives": system prompt, the memory's summary (summary
 * memory), the memory's pinned messages, the window of the memory, prompt.
 */

/** The system prompt a call sends: a blank one is not sent at all. */
export function systemPromptOf(config: Pick<LlmConfig, "systemPrompt">): string | undefined {
  const text = config.systemPrompt;
  return typeof text === "string" && text.trim() !== "" ? text : undefined;
}

/** What a call read of its memory: which memory, and the window (kept and what it dropped). */
export interface MemoryRead extends WindowSelection {
  memoryId: MemoryId;
  /** The token budget applied; null: none. */
  windowTokens: number | null;
}

/** The node's provider and model: what decides how its call's tokens are counted. */
export interface CallModel {
  provider: string;
  model: string;
}

/**
 * How a node's call counts tokens: the model's real tokenizer when the node has a token budget
 * and one exists (loaded then, and only then), otherwise the estimate.
 */
export const callTokenCounter = (
  settings: MemorySettings,
  model: CallModel,
): Promise<TokenCounter> =>
  settings.memoryId !== null && keptTokens(settings) !== null
    ? loadTokenCounter(model.provider, model.model)
    : Promise.resolve(ESTIMATE);

/**
 * The one read a node's call makes of its memory (and the preview of its next call makes
 * too): the window of the log ending at the memory's head, within the token budget if any,
 * counted by `counter` (callTokenCounter). null when the node has no memory.
 */
export async function readCallMemory(
  saver: MemoryReader,
  settings: MemorySettings,
  heads: MemoryHeads,
  counter: TokenCounter = ESTIMATE,
): Promise<MemoryRead | null> {
  const { memoryId, mode, windowSize } = settings;
  if (memoryId === null) return null;
  const head: MessageId | null = memoryHead(heads, memoryId);
  const tokens = keptTokens(settings);
  const budget = tokens === null ? null : { tokens, counter };
  return {
    memoryId,
    windowTokens: tokens,
    ...(await readWindow(saver, head, mode, windowSize, budget)),
  };
}

/** A memory read together with the newest dropped messages, read back to show them. */
export interface MemoryReadShown {
  memory: MemoryRead;
  shown: DroppedRead;
}

/**
 * The read a call makes plus at most `limit` of the messages its window left out: what the
 * Next call preview shows. null when the node has no memory.
 */
export async function readCallMemoryShown(
  saver: MemoryReader,
  settings: MemorySettings,
  heads: MemoryHeads,
  counter: TokenCounter = ESTIMATE,
  limit: number = DROPPED_SHOWN,
): Promise<MemoryReadShown | null> {
  const memory = await readCallMemory(saver, settings, heads, counter);
  return memory && { memory, shown: await readDropped(saver, memory, limit) };
}

export interface CallParts {
  /** As configured: blank means none. */
  systemPrompt: string | undefined;
  /** What the call read of its memory; null without memory. */
  memory: MemoryRead | null;
  /** The node's rendered prompt (this run's message). */
  prompt: string;
  /** Dropped messages read back to show (readDropped); they are listed, never sent. */
  shown?: DroppedRead;
  /** Counts the call's tokens; the estimate when absent. */
  counter?: TokenCounter;
  /** The memory's summary of what the window left out (summary memory); none when absent. */
  summary?: Pick<MemorySummary, "text" | "memoryId" | "coversId"> | null;
}

/** One message of a call in the memory log's order, tagged with its source. */
export interface CallMessage extends SentMessage {
  /** Left out by the window: shown for context, never sent. */
  dropped: boolean;
  /** Left out by the token budget (it was inside the message window): a dropped one only. */
  overBudget?: boolean;
  /** The memory message behind it: who wrote it, in which run. */
  message?: MemoryMessage;
  /** A pinned message: sent before the window, whatever the window. */
  pinned?: true;
}

export interface AssembledCall {
  /** System prompt, the shown dropped messages, the kept ones, the prompt. */
  messages: CallMessage[];
  /** What the window left out: how many, and the newest of them (walk back from it). */
  dropped: { count: number; firstDroppedId: MessageId | null };
  /** Dropped messages older than the shown ones: "and N earlier". */
  earlier: number;
  /** The tokens of what is sent, the system prompt and the prompt included. */
  tokens: CallTokens;
}

export interface CallTokens {
  /** Every message sent, each with its overhead. */
  total: number;
  /** Real tokenizer (true) or the estimate (false): the views say "estimate". */
  exact: boolean;
  /** "o200k_base", "cl100k_base" or "estimate". */
  counter: string;
  /** The memory's kept messages alone, against the budget; null without a budget. */
  memory: number | null;
  /** The budget; null without one. */
  budget: number | null;
  /** How many messages the budget left out (the newest dropped ones). */
  droppedByBudget: number;
}

/**
 * A call's messages: `[system prompt if any, summary if any, ...pinned, ...the window of the
 * memory, prompt]`, each tagged
 * system / memory (with its memory id) / run, with the dropped ones to show (if any) in their
 * place in the log before the kept ones.
 */
export function assembleCall(parts: CallParts): AssembledCall {
  const messages: CallMessage[] = [];
  const system = systemPromptOf(parts);
  if (system !== undefined)
    messages.push({ role: "system", content: system, source: { kind: "system" }, dropped: false });
  const { memory, shown } = parts;
  // The summary right after the system prompt, so every provider takes both as its system
  // prompt (Anthropic and Google accept system text only before the conversation).
  if (memory && parts.summary) messages.push({ ...summaryMessage(parts.summary), dropped: false });
  // Pinned memory messages after the summary, before the window.
  if (memory) {
    const fromMemory = (message: MemoryMessage, dropped: boolean): CallMessage => ({
      role: message.role,
      content: message.content,
      source: { kind: "memory", memoryId: memory.memoryId, messageId: message.id },
      dropped,
      message,
    });
    for (const m of memory.pinned ?? []) messages.push({ ...fromMemory(m, false), pinned: true });
    const droppedShown = shown?.dropped ?? [];
    // The budget cut the newest of the dropped messages: the last of those shown.
    const firstOverBudget = droppedShown.length - (memory.droppedByBudget ?? 0);
    droppedShown.forEach((m, i) => {
      messages.push({ ...fromMemory(m, true), ...(i >= firstOverBudget && { overBudget: true }) });
    });
    for (const m of memory.kept) messages.push(fromMemory(m, false));
  }
  messages.push({ role: "user", content: parts.prompt, source: { kind: "run" }, dropped: false });
  const counter = parts.counter ?? ESTIMATE;
  const total = messages.reduce((sum, m) => sum + (m.dropped ? 0 : counter.count(m)), 0);
  return {
    messages,
    dropped: {
      count: memory?.droppedCount ?? 0,
      firstDroppedId: memory?.firstDroppedId ?? null,
    },
    earlier: shown ? shown.earlier : 0,
    tokens: {
      total,
      exact: counter.exact,
      counter: counter.name,
      memory: memory?.keptTokens ?? null,
      budget: memory?.windowTokens ?? null,
      droppedByBudget: memory?.droppedByBudget ?? 0,
    },
  };
}

/**
 * The warning a call gets (it is still sent) when its messages and the reply it allows
 * (`maxTokens`) would not fit the model's context length; null when they fit, or when the
 * length is not known.
 */
export function contextWarning(
  tokens: Pick<CallTokens, "total" | "exact">,
  config: CallModel & { maxTokens?: number },
): string | null {
  const length = contextLengthOf(config.provider, config.model);
  if (length === null) return null;
  const reply = config.maxTokens ?? 0;
  const needed = tokens.total + reply;
  if (needed <= length) return null;
  const counted = `${tokens.total.toLocaleString("en")} tokens${tokens.exact ? "" : " (estimate)"}`;
  const withReply = reply > 0 ? ` plus up to ${reply.toLocaleString("en")} for the reply` : "";
  return `This call may not fit ${config.model}'s context of ${length.toLocaleString("en")} tokens: ${counted}${withReply}.`;
}

/** Exactly what goes to the provider: the call's messages the window did not drop. */
export function sentMessages(call: Pick<AssembledCall, "messages">): SentMessage[] {
  return call.messages
    .filter((m) => !m.dropped)
    .map(({ role, content, source }) => ({ role, content, source }));
}
