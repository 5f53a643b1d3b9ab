import type { MemoryMode } from "./flow";
import type { MessageId } from "./ids";
import { keptLimit as keptLimitOf } from "./memorySettings";
import type { MemoryMessage } from "./messages";
import type { Saver } from "./saver";
import { MESSAGE_OVERHEAD, type TokenCounter } from "./tokenCount";

/** A token budget and what counts against it. */
export interface TokenBudget {
  tokens: number;
  counter: TokenCounter;
}

export interface WindowSelection {
  /** What the model sees, oldest first. */
  kept: MemoryMessage[];
  /** All dropped messages, counted from the log's length so nothing older is read. */
  droppedCount: number;
  /**
   * The newest dropped message: walk back from it (Saver.readBack) to show what the window
   * left out. Read only when someone looks, so a call costs O(window), not O(window + shown).
   */
  firstDroppedId: MessageId | null;
  /** Of the dropped messages, how many the token budget cut (the newest of them); 0 without one. */
  droppedByBudget: number;
  /** The kept messages' tokens, counted as the budget counts them; null without a budget. */
  keptTokens: number | null;
}

/**
 * How many messages a call reads back: the window (`null` = unlimited). At least one, so
 * that even a window of 0 knows from the newest message how long the log is.
 */
export function readLimit(keptLimit: number | null, budget?: number | null): number {
  const byCount = keptLimit === null ? Number.POSITIVE_INFINITY : keptLimit;
  // No message costs less than its overhead, so no more than this many can fit the budget.
  const byTokens =
    budget === null || budget === undefined
      ? Number.POSITIVE_INFINITY
      : Math.floor(budget / MESSAGE_OVERHEAD);
  return Math.max(Math.min(byCount, byTokens), 1);
}

/**
 * Applies a window to the newest-first messages read from a log (docs/memory.md, "Windows"
 * and "Token budgets"): the last `keptLimit` messages (null = all, 0 = none), of those the
 * newest whose tokens together fit the budget (stopping at the first that does not, so what
 * is kept is always the newest run of messages), never starting with a tool result whose
 * tool call the window cut off.
 */
export function selectWindow(
  newestFirst: readonly MemoryMessage[],
  keptLimit: number | null,
  budget?: TokenBudget | null,
): WindowSelection {
  const newest = newestFirst[0];
  if (!newest)
    return {
      kept: [],
      droppedCount: 0,
      firstDroppedId: null,
      droppedByBudget: 0,
      keptTokens: budget ? 0 : null,
    };
  let keptCount = keptLimit === null ? newestFirst.length : Math.min(keptLimit, newestFirst.length);
  let droppedByBudget = 0;
  let tokens = 0;
  const costs: number[] = [];
  if (budget) {
    // The message window over the whole log, not only what was read: a budgeted read stops
    // at the most messages that could fit (readLimit), and the rest count as over budget.
    const inWindow = keptLimit === null ? newest.index + 1 : Math.min(keptLimit, newest.index + 1);
    let fit = 0;
    for (; fit < keptCount; fit++) {
      const cost = budget.counter.count(newestFirst[fit] as MemoryMessage);
      if (tokens + cost > budget.tokens) break;
      tokens += cost;
      costs.push(cost);
    }
    droppedByBudget = inWindow - fit;
    keptCount = fit;
  }
  // A tool result is meaningless without the call before it, so drop it along with the call.
  while (keptCount > 0 && newestFirst[keptCount - 1]?.role === "tool") {
    keptCount--;
    tokens -= costs.pop() ?? 0;
  }
  const kept = newestFirst.slice(0, keptCount).reverse();
  const droppedCount = newest.index + 1 - keptCount;
  const oldestKept = kept[0];
  const firstDroppedId = droppedCount === 0 ? null : oldestKept ? oldestKept.prev : newest.id;
  return {
    kept,
    droppedCount,
    firstDroppedId,
    droppedByBudget,
    keptTokens: budget ? tokens : null,
  };
}

/**
 * What a node with this memory mode and window sees of the log ending at `head`: the one read
 * a call makes (and the inspector's preview of the next call makes too).
 */
export async function readWindow(
  saver: Pick<Saver, "readBack">,
  head: MessageId | null,
  mode: MemoryMode,
  windowSize: number | null,
  budget?: TokenBudget | null,
): Promise<WindowSelection> {
  const keptLimit = keptLimitOf({ mode, windowSize });
  const newestFirst = await saver.readBack(head, readLimit(keptLimit, budget?.tokens));
  return selectWindow(newestFirst, keptLimit, budget);
}

/** How many of the messages a window dropped the views read back to show, newest first. */
export const DROPPED_SHOWN = 10;

export interface DroppedRead {
  /** The newest of the dropped messages, at most `limit`, oldest first. */
  dropped: MemoryMessage[];
  /** Dropped messages older than those: counted, never read ("and N earlier"). */
  earlier: number;
}

/**
 * Reads back what a window left out, for showing it: at most `limit` messages walked back
 * from the newest dropped one, so showing a call costs O(window + limit), not O(history).
 */
export async function readDropped(
  saver: Pick<Saver, "readBack">,
  dropped: Pick<WindowSelection, "droppedCount" | "firstDroppedId">,
  limit: number = DROPPED_SHOWN,
): Promise<DroppedRead> {
  const newestFirst = dropped.firstDroppedId
    ? await saver.readBack(dropped.firstDroppedId, limit)
    : [];
  return {
    dropped: [...newestFirst].reverse(),
    earlier: dropped.droppedCount - newestFirst.length,
  };
}
