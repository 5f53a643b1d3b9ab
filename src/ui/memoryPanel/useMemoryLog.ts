import { useEffect, useState } from "react";
import type { MessageId } from "../../engine/ids";
import type { MemoryMessage } from "../../engine/messages";
import { useStudio } from "../../store/studioStore";

export type MemoryLogState =
  | { status: "ready"; messages: MemoryMessage[] }
  | { status: "loading" }
  | { status: "failed"; message: string };

const EMPTY: MemoryLogState = { status: "ready", messages: [] };
const LOADING: MemoryLogState = { status: "loading" };

/**
 * A whole memory log ending at `head`, oldest first. Reading all of it is O(length): right
 * for a panel whose job is to show all of it, never done by a call.
 */
export function useMemoryLog(head: MessageId | null): MemoryLogState {
  const saver = useStudio((s) => s.storage?.saver ?? null);
  const [loaded, setLoaded] = useState<{ head: MessageId; state: MemoryLogState } | null>(null);

  useEffect(() => {
    if (!saver || head === null) return;
    let current = true;
    saver.readBack(head, Number.POSITIVE_INFINITY).then(
      (newestFirst) =>
        current &&
        setLoaded({ head, state: { status: "ready", messages: [...newestFirst].reverse() } }),
      (error: unknown) =>
        current &&
        setLoaded({
          head,
          state: {
            status: "failed",
            message: `Could not read this memory: ${error instanceof Error ? error.message : String(error)}`,
          },
        }),
    );
    return () => {
      current = false;
    };
  }, [saver, head]);

  if (head === null) return EMPTY;
  if (!saver) return { status: "failed", message: "Storage is not open yet." };
  return loaded?.head === head ? loaded.state : LOADING;
}
