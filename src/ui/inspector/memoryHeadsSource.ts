import { useMemo } from "react";
import { keyedRecord } from "../../engine/keyedRecord";
import { flowScopedMemories } from "../../engine/memoryScope";
import { type MemoryHeads, type MemoryReader, memoryHead } from "../../engine/saver";
import { useFlowStore } from "../../store/flowStore";
import { useStudio } from "../../store/studioStore";
import { useStoreQuery } from "../../store/useStoreQuery";

/** Where the preview reads memories from: a saver and each memory's newest message. */
export interface PreviewSource {
  saver: MemoryReader;
  heads: MemoryHeads;
}

export type MemoryHeadsState =
  | { status: "ready"; saver: MemoryReader | null; heads: MemoryHeads }
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
  const readMarked = useStudio((s) => s.readMarked);
  // A memory edit (here or in another tab) changes what is read: a new saver re-reads.
  const edits = useStudio((s) => s.memoryEditCount);
  // One object per store and edit, not per render: the preview re-reads when its saver changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `edits` is the reason to re-read
  const saver = useMemo(() => ({ readBack, readMarked }), [readBack, readMarked, edits]);
  const runId = override ? null : headRunId;
  const run = useStoreQuery(runId === null ? null : () => readRun(runId), [readRun, runId]);
  const shared = useSharedHeads(override !== undefined);

  if (override) return { status: "ready", ...override };
  if (shared.status === "loading") return { status: "loading" };
  if (shared.status === "failed") {
    return { status: "unavailable", reason: `Could not read shared memory: ${shared.reason}` };
  }
  if (headRunId === null) {
    return shared.heads ? { status: "ready", saver, heads: shared.heads } : NEW_CONVERSATION;
  }
  if (run.status === "ready") {
    return run.data
      ? {
          status: "ready",
          saver,
          // A flow-scoped memory is where the flow's head is, not where this branch left it.
          heads: { ...run.data.memoryHeads, ...shared.heads },
        }
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

type SharedHeads =
  | { status: "ready"; heads: MemoryHeads | null }
  | { status: "loading" }
  | { status: "failed"; reason: string };

/** The open flow's flow-scoped memory heads (null: it has none), read again after each run. */
function useSharedHeads(skip: boolean): SharedHeads {
  const flow = useFlowStore((s) => s.flow);
  const flowId = useFlowStore((s) => s.flowId);
  const runs = useStudio((s) => s.runs);
  const version = useStudio((s) => s.flowMemoryVersion);
  const read = useStudio((s) => s.readFlowMemoryHeads);
  const ids = useMemo(() => (flow ? flowScopedMemories(flow) : []), [flow]);
  const enabled = !skip && ids.length > 0 && flowId !== null;
  const query = useStoreQuery(enabled ? () => read(flowId) : null, [
    read,
    flowId,
    ids.join(","),
    runs,
    version,
  ]);
  if (!enabled) return { status: "ready", heads: null };
  if (query.status === "ready") {
    const heads = keyedRecord<MemoryHeads[string]>();
    for (const id of ids) heads[id] = memoryHead(query.data, id);
    return { status: "ready", heads };
  }
  if (query.status === "failed") return { status: "failed", reason: String(query.error) };
  return { status: "loading" };
}
