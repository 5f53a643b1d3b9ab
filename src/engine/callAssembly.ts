import type { LlmConfig } from "./flow";
import type { MemoryId, MessageId } from "./ids";
import type { MemorySettings } from "./memorySettings";
import type { DroppedRead, WindowSelection } from "./memoryWindow";
import { DROPPED_SHOWN, readDropped, readWindow } from "./memoryWindow";
import type { MemoryMessage, SentMessage } from "./messages";
import { type MemoryHeads, memoryHead, type Saver } from "./saver";

/*
 * The messages of an LLM call, assembled in one place for everyone who shows or sends them:
 * the run (runFlow), the inspector's Next call preview and the run inspector. The order is
 * docs/memory.md's "What a call receives": system prompt, the window of the memory, prompt.
 */

/** The system prompt a call sends: a blank one is not sent at all. */
export function systemPromptOf(config: Pick<LlmConfig, "systemPrompt">): string | undefined {
  const text = config.systemPrompt;
  return typeof text === "string" && text.trim() !== "" ? text : undefined;
}

/** What a call read of its memory: which memory, and the window (kept and what it dropped). */
export interface MemoryRead extends WindowSelection {
  memoryId: MemoryId;
}

/**
 * The one read a node's call makes of its memory (and the preview of its next call makes
 * too): the window of the log ending at the memory's head. null when the node has no memory.
 */
export async function readCallMemory(
  saver: Pick<Saver, "readBack">,
  settings: MemorySettings,
  heads: MemoryHeads,
): Promise<MemoryRead | null> {
  const { memoryId, mode, windowSize } = settings;
  if (memoryId === null) return null;
  const head: MessageId | null = memoryHead(heads, memoryId);
  return { memoryId, ...(await readWindow(saver, head, mode, windowSize)) };
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
  saver: Pick<Saver, "readBack">,
  settings: MemorySettings,
  heads: MemoryHeads,
  limit: number = DROPPED_SHOWN,
): Promise<MemoryReadShown | null> {
  const memory = await readCallMemory(saver, settings, heads);
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
}

/** One message of a call in the memory log's order, tagged with its source. */
export interface CallMessage extends SentMessage {
  /** Left out by the window: shown for context, never sent. */
  dropped: boolean;
  /** The memory message behind it: who wrote it, in which run. */
  message?: MemoryMessage;
}

export interface AssembledCall {
  /** System prompt, the shown dropped messages, the kept ones, the prompt. */
  messages: CallMessage[];
  /** What the window left out: how many, and the newest of them (walk back from it). */
  dropped: { count: number; firstDroppedId: MessageId | null };
  /** Dropped messages older than the shown ones: "and N earlier". */
  earlier: number;
}

/**
 * A call's messages: `[system prompt if any, ...the window of the memory, prompt]`, each tagged
 * system / memory (with its memory id) / run, with the dropped ones to show (if any) in their
 * place in the log before the kept ones.
 */
export function assembleCall(parts: CallParts): AssembledCall {
  const messages: CallMessage[] = [];
  const system = systemPromptOf(parts);
  if (system !== undefined)
    messages.push({ role: "system", content: system, source: { kind: "system" }, dropped: false });
  const { memory, shown } = parts;
  if (memory) {
    const fromMemory = (message: MemoryMessage, dropped: boolean): CallMessage => ({
      role: message.role,
      content: message.content,
      source: { kind: "memory", memoryId: memory.memoryId, messageId: message.id },
      dropped,
      message,
    });
    for (const m of shown?.dropped ?? []) messages.push(fromMemory(m, true));
    for (const m of memory.kept) messages.push(fromMemory(m, false));
  }
  messages.push({ role: "user", content: parts.prompt, source: { kind: "run" }, dropped: false });
  return {
    messages,
    dropped: {
      count: memory?.droppedCount ?? 0,
      firstDroppedId: memory?.firstDroppedId ?? null,
    },
    earlier: shown ? shown.earlier : 0,
  };
}

/** Exactly what goes to the provider: the call's messages the window did not drop. */
export function sentMessages(call: Pick<AssembledCall, "messages">): SentMessage[] {
  return call.messages
    .filter((m) => !m.dropped)
    .map(({ role, content, source }) => ({ role, content, source }));
}
