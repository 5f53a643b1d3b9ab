import { useEffect, useState } from "react";
import type { RunId } from "../../engine/ids";
import type { MemoryHeads, Saver } from "../../engine/saver";
import { useStudio } from "../../store/studioStore";

/** Where the preview reads memories from: a saver and each memory's newest message. */
export interface PreviewSource {
  saver: Pick<Saver, "readBack">;
  heads: MemoryHeads;
}

export type MemoryHeadsState =
  | { status: "ready"; saver: Pick<Saver, "readBack"> | null; heads: MemoryHeads }
  | { status: "loading" }
  | { status: "unavailable"; reason: string };

const NEW_CONVERSATION: MemoryHeadsState = { status: "ready", saver: null, heads: {} };

type Loaded = { runId: RunId; state: MemoryHeadsState };

/**
 * The memories of the open conversation as they stand after its latest run. A new
 * conversation starts with every memory empty, so it needs no storage at all.
 */
export function useMemoryHeads(override: PreviewSource | undefined): MemoryHeadsState {
  const storage = useStudio((s) => s.storage);
  const headRunId = useStudio((s) => s.headRunId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  const runId = override || !storage ? null : headRunId;
  useEffect(() => {
    if (!storage || runId === null) return;
    let current = true;
    storage.runs.get(runId).then(
      (run) =>
        current &&
        setLoaded({
          runId,
          state: run
            ? { status: "ready", saver: storage.saver, heads: run.memoryHeads }
            : { status: "unavailable", reason: "The conversation's latest run is missing." },
        }),
      (error: unknown) =>
        current &&
        setLoaded({
          runId,
          state: {
            status: "unavailable",
            reason: `Could not read the conversation: ${String(error)}`,
          },
        }),
    );
    return () => {
      current = false;
    };
  }, [storage, runId]);

  if (override) return { status: "ready", ...override };
  if (headRunId === null) return NEW_CONVERSATION;
  if (!storage) return { status: "unavailable", reason: "Storage is not open yet." };
  return loaded?.runId === headRunId ? loaded.state : { status: "loading" };
}
