import { useMemo } from "react";
import type { MemoryHeads, Saver } from "../../engine/saver";
import { useStudio } from "../../store/studioStore";
import { useStoreQuery } from "../../store/useStoreQuery";

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

/**
 * The memories of the open conversation as they stand after its latest run. A new
 * conversation starts with every memory empty, so it needs no storage at all.
 */
export function useMemoryHeads(override: PreviewSource | undefined): MemoryHeadsState {
  const headRunId = useStudio((s) => s.headRunId);
  const readRun = useStudio((s) => s.readRun);
  const readBack = useStudio((s) => s.readBack);
  // One object per store, not per render: the preview re-reads when its saver changes.
  const saver = useMemo(() => ({ readBack }), [readBack]);
  const runId = override ? null : headRunId;
  const run = useStoreQuery(runId === null ? null : () => readRun(runId), [readRun, runId]);

  if (override) return { status: "ready", ...override };
  if (headRunId === null) return NEW_CONVERSATION;
  if (run.status === "ready") {
    return run.data
      ? { status: "ready", saver, heads: run.data.memoryHeads }
      : { status: "unavailable", reason: "The conversation's latest run is missing." };
  }
  if (run.status === "failed") {
    return {
      status: "unavailable",
      reason: `Could not read the conversation: ${String(run.error)}`,
    };
  }
  return { status: "loading" };
}
