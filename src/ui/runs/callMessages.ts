import { type AssembledCall, assembleCall, type CallMessage } from "../../engine/callAssembly";
import type { MessageId } from "../../engine/ids";
import { isFlowThread } from "../../engine/memoryScope";
import { readDropped } from "../../engine/memoryWindow";
import type { ChatRole, MemoryMessage } from "../../engine/messages";
import type { LlmCallRecord } from "../../engine/runSnapshot";
import type { Saver } from "../../engine/saver";

/** What the run views read from storage: messages by id, and memory logs walked back. */
export interface CallReader {
  saver: Pick<Saver, "readBack" | "loadSummary">;
  messages: {
    resolve(
      ids: readonly MessageId[],
      versions?: Readonly<Record<string, number>>,
    ): Promise<MemoryMessage[]>;
  };
}

/** One message of a call as the inspector shows it: where it came from, and whether it was sent. */
export interface CallLine {
  key: string;
  role: ChatRole | "tool";
  content: string;
  /** system prompt, a memory's log, its summary, or this run (the prompt). */
  source: "system" | "memory" | "summary" | "run";
  memoryId?: string;
  /** Left out by the window: shown for context, never sent. */
  dropped: boolean;
  /** Left out by the token budget (a dropped line only). */
  overBudget?: boolean;
  /** Pinned: sent before the window whatever the window. */
  pinned?: boolean;
  /** The memory message behind the line: who wrote it, in which run. */
  message?: MemoryMessage;
  /** From a flow-scoped memory: one log shared by every conversation of the flow. */
  shared?: true;
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
 * at most DROPPED_SHOWN: showing a call costs O(window), not O(history). The lines are
 * assembled as the run assembled the call (engine/callAssembly.ts).
 */
export async function loadCallMessages(
  reader: CallReader,
  llm: LlmCallRecord,
  options: { dropped: boolean },
): Promise<CallMessages> {
  const memory = llm.memory;
  const pinnedIds = memory?.pinnedIds ?? [];
  const ids = memory ? [...pinnedIds, ...memory.keptIds, ...memory.appendedIds] : [];
  const summary = llm.summary;
  const [read, shown, storedSummary] = await Promise.all([
    // Each as the version the call was sent: a later edit never changes what a run shows.
    memory?.versions ? reader.messages.resolve(ids, memory.versions) : reader.messages.resolve(ids),
    options.dropped && memory ? readDropped(reader.saver, memory) : undefined,
    summary ? reader.saver.loadSummary(summary.memoryId, summary.coversId) : undefined,
  ]);
  const pinned = read.slice(0, pinnedIds.length);
  const resolved = read.slice(pinnedIds.length);
  const keptCount = memory?.keptIds.length ?? 0;
  const call = assembleCall({
    systemPrompt: llm.systemPrompt,
    memory: memory
      ? {
          ...memory,
          kept: resolved.slice(0, keptCount),
          ...(pinned.length > 0 && { pinned }),
          windowTokens: memory.windowTokens ?? null,
          droppedByBudget: memory.droppedByBudget ?? 0,
          keptTokens: memory.keptTokens ?? null,
        }
      : null,
    prompt: llm.prompt,
    ...(shown && { shown }),
    // A summary whose run could not be stored never landed: said in its place.
    ...(summary && {
      summary: storedSummary ?? { ...summary, text: "(this summary was not stored)" },
    }),
  });
  return asCallMessages(call, resolved.slice(keptCount));
}

/** An assembled call (a recorded one, or a replay) as the views show it. */
export function asCallMessages(
  call: Pick<AssembledCall, "messages" | "earlier">,
  appended: MemoryMessage[] = [],
): CallMessages {
  return { lines: call.messages.map(toLine), earlier: call.earlier, appended };
}

function toLine(m: CallMessage): CallLine {
  const { source } = m;
  const line: CallLine = {
    key: "",
    role: m.role,
    content: m.content,
    source: source.kind,
    dropped: m.dropped,
    ...(m.overBudget && { overBudget: true }),
    ...(m.pinned && { pinned: true }),
  };
  if (source.kind === "system") return { ...line, key: "system" };
  if (source.kind === "run") return { ...line, key: "prompt" };
  if (source.kind === "summary")
    return { ...line, key: `summary:${source.coversId}`, memoryId: source.memoryId };
  return {
    ...line,
    key: `${m.dropped ? "dropped" : m.pinned ? "pinned" : "kept"}:${source.messageId}`,
    memoryId: source.memoryId,
    ...(m.message && { message: m.message }),
    ...(m.message && isFlowThread(m.message.conversationId) && { shared: true as const }),
  };
}

/** The lines that were actually sent to the provider, in order. */
export const sentLines = (call: CallMessages): CallLine[] => call.lines.filter((l) => !l.dropped);
