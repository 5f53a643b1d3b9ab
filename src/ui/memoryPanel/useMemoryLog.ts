import type { MessageId } from "../../engine/ids";
import type { MemoryMessage } from "../../engine/messages";
import { useStudio } from "../../store/studioStore";
import { errorText, useStoreQuery } from "../../store/useStoreQuery";

export type MemoryLogState =
  | { status: "ready"; messages: MemoryMessage[] }
  | { status: "loading" }
  | { status: "failed"; message: string };

const EMPTY: MemoryLogState = { status: "ready", messages: [] };

/**
 * A whole memory log ending at `head`, oldest first. Reading all of it is O(length): right
 * for a panel whose job is to show all of it, never done by a call.
 */
export function useMemoryLog(head: MessageId | null): MemoryLogState {
  const readMemoryLog = useStudio((s) => s.readMemoryLog);
  // Read again after a memory edit here or in another tab.
  const edits = useStudio((s) => s.memoryEditCount);
  const log = useStoreQuery(head === null ? null : () => readMemoryLog(head), [
    readMemoryLog,
    head,
    edits,
  ]);
  if (log.status === "ready") return { status: "ready", messages: log.data };
  if (log.status === "failed")
    return { status: "failed", message: `Could not read this memory: ${errorText(log.error)}` };
  return log.status === "idle" ? EMPTY : { status: "loading" };
}
