import type { MemoryMessage } from "./messages";

/** How many of the dropped messages a call record keeps for the inspector to show greyed. */
export const DROPPED_PREVIEW = 20;

export interface WindowSelection {
  /** What the model sees, oldest first. */
  kept: MemoryMessage[];
  /** The newest dropped messages (at most DROPPED_PREVIEW), oldest first. */
  droppedPreview: MemoryMessage[];
  /** All dropped messages, counted from the log's length so nothing older is read. */
  droppedCount: number;
}

/**
 * How many messages to read back for a window: the kept ones plus a preview of the dropped.
 * `keptLimit` is the window size, `null` for unlimited.
 */
export function readLimit(keptLimit: number | null): number {
  return keptLimit === null ? Number.POSITIVE_INFINITY : keptLimit + DROPPED_PREVIEW;
}

/**
 * Applies a window to the newest-first messages read from a log (MEMORY-SEMANTICS.md):
 * the last `keptLimit` messages (null = all, 0 = none), never starting with a tool result
 * whose tool call the window cut off.
 */
export function selectWindow(
  newestFirst: readonly MemoryMessage[],
  keptLimit: number | null,
): WindowSelection {
  const logLength = newestFirst.length === 0 ? 0 : (newestFirst[0] as MemoryMessage).index + 1;
  let keptCount = keptLimit === null ? newestFirst.length : Math.min(keptLimit, newestFirst.length);
  // A tool result is meaningless without the call before it, so drop it along with the call.
  while (keptCount > 0 && newestFirst[keptCount - 1]?.role === "tool") keptCount--;
  const kept = newestFirst.slice(0, keptCount).reverse();
  const droppedPreview = newestFirst.slice(keptCount, keptCount + DROPPED_PREVIEW).reverse();
  return { kept, droppedPreview, droppedCount: logLength - keptCount };
}
