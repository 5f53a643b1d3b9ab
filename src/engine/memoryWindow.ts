import type { MemoryMode } from "./flow";
import type { MessageId } from "./ids";
import { keptLimit as keptLimitOf } from "./memorySettings";
import type { MemoryMessage } from "./messages";
import type { MemoryReader, Saver } from "./saver";
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
  /**
   * The tokens counted against the budget (the pinned messages' first, then the kept ones');
   * null without a budget.
   */
  keptTokens: number | null;
  /**
   * The pinned messages of the log, oldest first: sent before the window whatever the window,
   * never counted in it. Absent: none.
   */
  pinned?: MemoryMessage[];
  /** The pinned messages alone exceed the token budget: they are sent, nothing of the window. */
  pinsOverBudget?: true;
}

/** A message the window may send: neither pinned (sent before it) nor deleted. */
export const inWindowRange = (m: MemoryMessage): boolean => !m.pinned && !m.deleted;

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
  marked: readonly MemoryMessage[] = [],
): WindowSelection {
  const newest = newestFirst[0];
  const pinned = marked.filter((m) => m.pinned);
  let pinTokens = 0;
  if (budget) for (const p of pinned) pinTokens += budget.counter.count(p);
  const pins = pinned.length > 0 ? { pinned: [...pinned] } : {};
  const overBudget = budget && pinTokens > budget.tokens ? { pinsOverBudget: true as const } : {};
  if (!newest)
    return {
      kept: [],
      droppedCount: 0,
      firstDroppedId: null,
      droppedByBudget: 0,
      keptTokens: budget ? pinTokens : null,
      ...pins,
      ...overBudget,
    };
  // Pinned and deleted messages are not part of the window: it is the last W of the others.
  const markedIds = new Set<MessageId>();
  for (const m of [...marked, ...newestFirst]) if (!inWindowRange(m)) markedIds.add(m.id);
  const live = newestFirst.filter(inWindowRange);
  // The log's length without its pinned and deleted messages.
  const liveLength = Math.max(live.length, newest.index + 1 - markedIds.size);
  let keptCount = keptLimit === null ? live.length : Math.min(keptLimit, live.length);
  let droppedByBudget = 0;
  let tokens = 0;
  const costs: number[] = [];
  if (budget) {
    // The pins are counted first; the window gets what they leave (nothing when they exceed it).
    const left = budget.tokens - pinTokens;
    // The message window over the whole log, not only what was read: a budgeted read stops
    // at the most messages that could fit (readLimit), and the rest count as over budget.
    const inWindow = keptLimit === null ? liveLength : Math.min(keptLimit, liveLength);
    let fit = 0;
    for (; fit < keptCount; fit++) {
      const cost = budget.counter.count(live[fit] as MemoryMessage);
      if (tokens + cost > left) break;
      tokens += cost;
      costs.push(cost);
    }
    droppedByBudget = inWindow - fit;
    keptCount = fit;
  }
  // A tool result is meaningless without the call before it, so drop it along with the call.
  while (keptCount > 0 && live[keptCount - 1]?.role === "tool") {
    keptCount--;
    tokens -= costs.pop() ?? 0;
  }
  const kept = live.slice(0, keptCount).reverse();
  const droppedCount = liveLength - keptCount;
  const oldestKept = kept[0];
  const firstDroppedId = droppedCount === 0 ? null : oldestKept ? oldestKept.prev : newest.id;
  return {
    kept,
    droppedCount,
    firstDroppedId,
    droppedByBudget,
    keptTokens: budget ? pinTokens + tokens : null,
    ...pins,
    ...overBudget,
  };
}

/**
 * At least `limit` messages the window may send, newest first, walked back from `head`
 * (fewer only at the log's start): the pinned and deleted ones read on the way are included,
 * so a read costs O(limit + those).
 */
async function readInWindowRange(
  saver: Pick<Saver, "readBack">,
  head: MessageId | null,
  limit: number,
): Promise<MemoryMessage[]> {
  const out = await saver.readBack(head, limit);
  let live = out.filter(inWindowRange).length;
  while (live < limit) {
    const from = out.at(-1)?.prev ?? null;
    if (from === null) break;
    const more = await saver.readBack(from, limit - live);
    if (more.length === 0) break;
    out.push(...more);
    live += more.filter(inWindowRange).length;
  }
  return out;
}

/**
 * What a node with this memory mode and window sees of the log ending at `head`: the one read
 * a call makes (and the inspector's preview of the next call makes too).
 */
export async function readWindow(
  saver: MemoryReader,
  head: MessageId | null,
  mode: MemoryMode,
  windowSize: number | null,
  budget?: TokenBudget | null,
): Promise<WindowSelection> {
  const keptLimit = keptLimitOf({ mode, windowSize });
  // A write-only node sees no history at all, its pins included.
  const marked =
    mode === "write-only" || head === null || !saver.readMarked ? [] : await saver.readMarked(head);
  let left = budget?.tokens;
  if (budget && left !== undefined)
    for (const p of marked) if (p.pinned) left -= budget.counter.count(p);
  const limit = readLimit(keptLimit, left === undefined ? undefined : Math.max(left, 0));
  const newestFirst = await readInWindowRange(saver, head, limit);
  return selectWindow(newestFirst, keptLimit, budget, marked);
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
  const read = dropped.firstDroppedId ? await saver.readBack(dropped.firstDroppedId, limit) : [];
  // Pinned messages are sent (before the window) and deleted ones are gone: neither is shown.
  const newestFirst = read.filter(inWindowRange);
  return {
    dropped: [...newestFirst].reverse(),
    earlier: Math.max(0, dropped.droppedCount - newestFirst.length),
  };
}
