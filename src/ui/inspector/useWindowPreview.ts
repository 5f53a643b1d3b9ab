import { useEffect, useState } from "react";
import { type MemoryReadShown, readCallMemoryShown } from "../../engine/callAssembly";
import type { MemoryId, MessageId } from "../../engine/ids";
import type { MemorySettings } from "../../engine/memorySettings";
import type { MemoryHeads, Saver } from "../../engine/saver";

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
  const head: MessageId | null = heads[memoryId] ?? null;
  const request = `${memoryId}\u0000${head}\u0000${mode}\u0000${windowSize}`;
  const [result, setResult] = useState<{ request: string; state: WindowPreviewState } | null>(null);

  useEffect(() => {
    if (!saver || head === null) return;
    let current = true;
    const answer = (state: WindowPreviewState) => current && setResult({ request, state });
    const read = { memoryId, mode, windowSize };
    readCallMemoryShown(saver, read, { [memoryId]: head })
      .then((preview) =>
        answer({ status: "ready", stale: false, preview: preview ?? empty(memoryId) }),
      )
      .catch((error: unknown) =>
        answer({ status: "failed", message: `Could not read this memory: ${String(error)}` }),
      );
    return () => {
      current = false;
    };
  }, [saver, memoryId, head, mode, windowSize, request]);

  if (head === null) return { status: "ready", preview: empty(memoryId), stale: false };
  if (!result) return { status: "loading" };
  if (result.request === request) return result.state;
  return result.state.status === "ready" ? { ...result.state, stale: true } : { status: "loading" };
}
