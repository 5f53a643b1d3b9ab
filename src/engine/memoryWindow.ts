import type { MemoryMode } from "./flow";
import type { MessageId } from "./ids";
import { keptLimit as keptLimitOf } from "./memorySettings";
import type { MemoryMessage } from "./messages";
import type { Saver } from "./saver";

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
}

/**
 * How many messages a call reads back: the window (`null` = unlimited). At least one, so
 * that even a window of 0 knows from the newest message how long the log is.
 */
export function readLimit(keptLimit: number | null): number {
  return keptLimit === null ? Number.POSITIVE_INFINITY : Math.max(keptLimit, 1);
}

/**
 * Applies a window to the newest-first messages read from a log (docs/memory.md, "Windows"):
 * the last `keptLimit` messages (null = all, 0 = none), never starting with a tool result
 * whose tool call the window cut off.
 */
export function selectWindow(
  newestFirst: readonly MemoryMessage[],
  keptLimit: number | null,
): WindowSelection {
  const newest = newestFirst[0];
  if (!newest) return { kept: [], droppedCount: 0, firstDroppedId: null };
  let keptCount = keptLimit === null ? newestFirst.length : Math.min(keptLimit, newestFirst.length);
  // A tool result is meaningless without the call before it, so drop it along with the call.
  while (keptCount > 0 && newestFirst[keptCount - 1]?.role === "tool") keptCount--;
  const kept = newestFirst.slice(0, keptCount).reverse();
  const droppedCount = newest.index + 1 - keptCount;
  const oldestKept = kept[0];
  const firstDroppedId = droppedCount === 0 ? null : oldestKept ? oldestKept.prev : newest.id;
  return { kept, droppedCount, firstDroppedId };
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
): Promise<WindowSelection> {
  const keptLimit = keptLimitOf({ mode, windowSize });
  return selectWindow(await saver.readBack(head, readLimit(keptLimit)), keptLimit);
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
