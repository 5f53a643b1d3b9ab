import { type MemoryReadShown, readCallMemoryShown } from "../../engine/callAssembly";
import type { MemoryId, MessageId } from "../../engine/ids";
import type { MemorySettings } from "../../engine/memorySettings";
import { type MemoryHeads, memoryHead, type Saver } from "../../engine/saver";
import { useStoreQuery } from "../../store/useStoreQuery";

/** What the window keeps of the memory, and the newest of what it leaves out. */
export type WindowPreview = MemoryReadShown;

export type WindowPreviewState =
  | { status: "ready"; preview: WindowPreview; stale: boolean }
  | { status: "loading" }
  | { status: "failed"; message: string };

const empty = (memoryId: MemoryId): WindowPreview => ({
  memory: { memoryId, kept: [], droppedCount: 0, firstDroppedId: null },
  shown: { dropped: [], earlier: 0 },
});

/**
 * What the window keeps and leaves out of a memory, read the way a call reads it
 * (readCallMemory, O(window)) plus at most DROPPED_SHOWN messages beyond it. Re-read whenever
 * the head, mode or window changes; the last answer stays on screen (stale) meanwhile.
 */
export function useWindowPreview(
  saver: Pick<Saver, "readBack"> | null,
  heads: MemoryHeads,
  settings: MemorySettings & { memoryId: MemoryId },
): WindowPreviewState {
  const { memoryId, mode, windowSize } = settings;
  const head: MessageId | null = memoryHead(heads, memoryId);
  const query = useStoreQuery(
    saver && head !== null
      ? async () =>
          (await readCallMemoryShown(
            saver,
            { memoryId, mode, windowSize },
            { [memoryId]: head },
          )) ?? empty(memoryId)
      : null,
    [saver, memoryId, head, mode, windowSize],
  );

  if (head === null) return { status: "ready", preview: empty(memoryId), stale: false };
  if (query.status === "ready") return { status: "ready", preview: query.data, stale: false };
  if (query.status === "failed")
    return { status: "failed", message: `Could not read this memory: ${String(query.error)}` };
  if (query.status === "loading" && query.previous)
    return { status: "ready", preview: query.previous, stale: true };
  return { status: "loading" };
}
