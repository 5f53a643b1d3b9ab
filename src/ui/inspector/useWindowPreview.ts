import type { MemoryMode } from "../../engine/flow";
import type { MessageId } from "../../engine/ids";
import { readWindow } from "../../engine/memoryWindow";
import type { MemoryMessage } from "../../engine/messages";
import type { Saver } from "../../engine/saver";
import { useStoreQuery } from "../../store/useStoreQuery";

/** How many of the messages the window leaves out are shown, newest first. */
export const DROPPED_SHOWN = 10;

export interface WindowPreview {
  /** Sent with the next call, oldest first. */
  kept: MemoryMessage[];
  /** Left out by the window: the newest of them, oldest first. */
  dropped: MemoryMessage[];
  /** Left out and not read at all. */
  earlier: number;
}

export type WindowPreviewState =
  | { status: "ready"; preview: WindowPreview; stale: boolean }
  | { status: "loading" }
  | { status: "failed"; message: string };

const EMPTY: WindowPreview = { kept: [], dropped: [], earlier: 0 };

/**
 * What the window keeps and leaves out of a memory ending at `head`, read the way a call
 * reads it (O(window)) plus at most DROPPED_SHOWN messages beyond it. Re-read whenever the
 * head, mode or window changes; the last answer stays on screen (stale) meanwhile.
 */
export function useWindowPreview(
  saver: Pick<Saver, "readBack"> | null,
  head: MessageId | null,
  mode: MemoryMode,
  windowSize: number | null,
): WindowPreviewState {
  const query = useStoreQuery(
    saver && head !== null ? () => readPreview(saver, head, mode, windowSize) : null,
    [saver, head, mode, windowSize],
  );

  if (head === null) return { status: "ready", preview: EMPTY, stale: false };
  if (query.status === "ready") return { status: "ready", preview: query.data, stale: false };
  if (query.status === "failed")
    return { status: "failed", message: `Could not read this memory: ${String(query.error)}` };
  if (query.status === "loading" && query.previous)
    return { status: "ready", preview: query.previous, stale: true };
  return { status: "loading" };
}

async function readPreview(
  saver: Pick<Saver, "readBack">,
  head: MessageId,
  mode: MemoryMode,
  windowSize: number | null,
): Promise<WindowPreview> {
  const selection = await readWindow(saver, head, mode, windowSize);
  const newestDroppedFirst = selection.firstDroppedId
    ? await saver.readBack(selection.firstDroppedId, DROPPED_SHOWN)
    : [];
  return {
    kept: selection.kept,
    dropped: newestDroppedFirst.reverse(),
    earlier: selection.droppedCount - newestDroppedFirst.length,
  };
}
