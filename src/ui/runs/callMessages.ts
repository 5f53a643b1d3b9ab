import type { MessageId } from "../../engine/ids";
import type { ChatRole, MemoryMessage } from "../../engine/messages";
import type { LlmCallRecord } from "../../engine/runSnapshot";
import type { Saver } from "../../engine/saver";

/** How many of the messages a window dropped are read back to show, newest first. */
export const DROPPED_SHOWN = 10;

/** What the run views read from storage: messages by id, and memory logs walked back. */
export interface CallReader {
  saver: Pick<Saver, "readBack">;
  messages: { resolve(ids: readonly MessageId[]): Promise<MemoryMessage[]> };
}

/** One message of a call as the inspector shows it: where it came from, and whether it was sent. */
export interface CallLine {
  key: string;
  role: ChatRole | "tool";
  content: string;
  /** system prompt, a memory's log, or this run (the prompt). */
  source: "system" | "memory" | "run";
  memoryId?: string;
  /** Left out by the window: shown for context, never sent. */
  dropped: boolean;
  /** The memory message behind the line: who wrote it, in which run. */
  message?: MemoryMessage;
}

export interface CallMessages {
  /** In the order of the memory log: system prompt, dropped (greyed), kept, prompt. */
  lines: CallLine[];
  /** Dropped messages older than the ones read back: "and N earlier". */
  earlier: number;
  /** What the call added to its memory (prompt and reply), in order. */
  appended: MemoryMessage[];
}

/**
 * Reads what a recorded call received. Kept and appended messages are resolved by id in one
 * storage read; the dropped ones (when asked for) are walked back from the newest of them,
 * at most DROPPED_SHOWN: showing a call costs O(window), not O(history).
 */
export async function loadCallMessages(
  reader: CallReader,
  llm: LlmCallRecord,
  options: { dropped: boolean },
): Promise<CallMessages> {
  const memory = llm.memory;
  const ids = memory ? [...memory.keptIds, ...memory.appendedIds] : [];
  const [resolved, droppedNewestFirst] = await Promise.all([
    reader.messages.resolve(ids),
    options.dropped && memory?.firstDroppedId
      ? reader.saver.readBack(memory.firstDroppedId, DROPPED_SHOWN)
      : Promise.resolve([]),
  ]);
  const keptCount = memory?.keptIds.length ?? 0;
  const kept = resolved.slice(0, keptCount);
  const fromMemory = (message: MemoryMessage, dropped: boolean): CallLine => ({
    key: `${dropped ? "dropped" : "kept"}:${message.id}`,
    role: message.role,
    content: message.content,
    source: "memory",
    memoryId: message.memoryId,
    dropped,
    message,
  });
  const lines: CallLine[] = [];
  if (llm.systemPrompt !== undefined) {
    lines.push({
      key: "system",
      role: "system",
      content: llm.systemPrompt,
      source: "system",
      dropped: false,
    });
  }
  // readBack answers newest first; the log reads oldest first.
  for (const m of [...droppedNewestFirst].reverse()) lines.push(fromMemory(m, true));
  for (const m of kept) lines.push(fromMemory(m, false));
  lines.push({ key: "prompt", role: "user", content: llm.prompt, source: "run", dropped: false });
  return {
    lines,
    earlier: options.dropped ? (memory?.droppedCount ?? 0) - droppedNewestFirst.length : 0,
    appended: resolved.slice(keptCount),
  };
}

/** The lines that were actually sent to the provider, in order. */
export const sentLines = (call: CallMessages): CallLine[] => call.lines.filter((l) => !l.dropped);
