import { type MemoryReadShown, readCallMemoryShown } from "../../engine/callAssembly";
import type { MemoryId, MessageId } from "../../engine/ids";
import { keptTokens, type MemorySettings } from "../../engine/memorySettings";
import { type MemoryHeads, type MemoryReader, memoryHead } from "../../engine/saver";
import type { TokenCounter } from "../../engine/tokenCount";
import { useStoreQuery } from "../../store/useStoreQuery";

/** What the window keeps of the memory, and the newest of what it leaves out. */
export type WindowPreview = MemoryReadShown;

export type WindowPreviewState =
  | { status: "ready"; preview: WindowPreview; stale: boolean }
  | { status: "loading" }
  | { status: "failed"; message: string };

const empty = (memoryId: MemoryId, windowTokens: number | null): WindowPreview => ({
  memory: {
    memoryId,
    kept: [],
    droppedCount: 0,
    firstDroppedId: null,
    windowTokens,
    droppedByBudget: 0,
    keptTokens: windowTokens === null ? null : 0,
  },
  shown: { dropped: [], earlier: 0 },
});

/**
 * What the window keeps and leaves out of a memory, read the way a call reads it
 * (readCallMemory, O(window)) plus at most DROPPED_SHOWN messages beyond it, counting tokens
 * with `counter` (the node's, see useCallTokenCounter). Re-read whenever the head, mode,
 * window, budget or counter changes; the last answer stays on screen (stale) meanwhile.
 */
export function useWindowPreview(
  saver: MemoryReader | null,
  heads: MemoryHeads,
  settings: MemorySettings & { memoryId: MemoryId },
  counter: TokenCounter,
): WindowPreviewState {
  const { memoryId, mode, windowSize, windowTokens } = settings;
  const head: MessageId | null = memoryHead(heads, memoryId);
  const query = useStoreQuery(
    saver && head !== null
      ? async () =>
          (await readCallMemoryShown(
            saver,
            { memoryId, mode, windowSize, windowTokens },
            { [memoryId]: head },
            counter,
          )) ?? empty(memoryId, windowTokens)
      : null,
    [saver, memoryId, head, mode, windowSize, windowTokens, counter],
  );

  if (head === null)
    return { status: "ready", preview: empty(memoryId, keptTokens(settings)), stale: false };
  if (query.status === "ready") return { status: "ready", preview: query.data, stale: false };
  if (query.status === "failed")
    return { status: "failed", message: `Could not read this memory: ${String(query.error)}` };
  if (query.status === "loading" && query.previous)
    return { status: "ready", preview: query.previous, stale: true };
  return { status: "loading" };
}
