import "./memoryPanel.css";
import { useCallback, useMemo, useState } from "react";
import type { RunId } from "../../engine/ids";
import { flowScopedMemories } from "../../engine/memoryScope";
import type { MemoryUser } from "../../engine/memoryUsage";
import type { RunSnapshot } from "../../engine/runSnapshot";
import { type MemoryHeads, memoryHead } from "../../engine/saver";
import { useFlowStore } from "../../store/flowStore";
import { useStudio } from "../../store/studioStore";
import { useStoreQuery } from "../../store/useStoreQuery";
import { useMemoryUsage } from "../canvas/flowDerived";
import { runNumbers } from "../runs/runNumbers";
import { ClearUndoNotice } from "./ClearUndoNotice";
import { MemoryCard } from "./MemoryCard";
import { MemoryEditUndo } from "./MemoryEditUndo";
import { useMemoryPalette } from "./memoryPalette";

const NO_HEADS: MemoryHeads = {};
const NO_USERS: MemoryUser[] = [];

/**
 * The side panel's "Memory" tab: every memory of the flow (and any the conversation still
 * holds) as it stands after the chat's latest message, with its messages, who wrote them,
 * and ways to clear it for the next message or export it.
 */
export function MemoryPanel() {
  const headRunId = useStudio((s) => s.headRunId);
  const headRun = useStudio((s) => s.runs.find((r) => r.id === s.headRunId));
  const runs = useStudio((s) => s.runs);
  const usage = useMemoryUsage();
  const shared = useSharedHeads();
  const heads = headRun?.memoryHeads ?? NO_HEADS;
  const ids = [...usage.keys(), ...Object.keys(heads).filter((id) => !usage.has(id))];
  const colors = useMemoryPalette(ids);
  const numbers = useMemo(() => runNumbers(runs), [runs]);

  const clearedIn = useMemo(() => lastClears(runs, headRunId, numbers), [runs, headRunId, numbers]);
  /** The memory just cleared, while its Undo is offered (a new clear replaces it). */
  const [justCleared, setJustCleared] = useState<{ memoryId: string; at: number } | null>(null);
  const undoOver = useCallback(() => setJustCleared(null), []);

  return (
    <div className="panel memory-panel">
      {headRunId === null ? (
        <p className="memory-intro">
          New conversation: every memory starts empty
          {shared.ids.size > 0 && ", but those shared by every conversation keep what they hold"}.
          Send a message and each LLM with memory will record its prompt and reply here.
        </p>
      ) : !headRun ? (
        <p className="memory-intro">Reading the conversation…</p>
      ) : (
        <p className="memory-intro">Each memory as it stands after your latest message.</p>
      )}
      <MemoryEditUndo part="line" />
      {ids.length === 0 ? (
        <p className="memory-help">
          This flow has no memory yet: give an LLM node a memory id in its settings.
        </p>
      ) : (
        ids.map((id) => (
          <MemoryCard
            key={id}
            memoryId={id}
            color={colors.get(id)}
            users={usage.get(id) ?? NO_USERS}
            head={shared.ids.has(id) ? shared.head(id) : memoryHead(heads, id)}
            shared={shared.ids.has(id)}
            clearedIn={clearedIn.get(id) ?? null}
            numbers={numbers}
            onCleared={(memoryId) => setJustCleared({ memoryId, at: Date.now() })}
          />
        ))
      )}
      <MemoryEditUndo part="toast" />
      {justCleared && (
        <ClearUndoNotice key={justCleared.at} memoryId={justCleared.memoryId} onDone={undoOver} />
      )}
    </div>
  );
}

/**
 * The flow's flow-scoped memories and their current heads, read again after every run of
 * this page and every clear. Loading or unreadable: undefined (the card says it is reading).
 */
function useSharedHeads() {
  const flow = useFlowStore((s) => s.flow);
  const flowId = useFlowStore((s) => s.flowId);
  const runs = useStudio((s) => s.runs);
  const version = useStudio((s) => s.flowMemoryVersion);
  const read = useStudio((s) => s.readFlowMemoryHeads);
  const ids = useMemo(() => new Set<string>(flow ? flowScopedMemories(flow) : []), [flow]);
  const query = useStoreQuery(ids.size > 0 && flowId ? () => read(flowId) : null, [
    read,
    flowId,
    ids.size,
    runs,
    version,
  ]);
  const heads = query.status === "ready" ? query.data : undefined;
  return {
    ids,
    head: (id: string) => (heads ? memoryHead(heads, id) : undefined),
  };
}

/** For each memory, the number of the latest run on the branch that cleared it. */
function lastClears(
  runs: readonly RunSnapshot[],
  headRunId: RunId | null,
  numbers: ReadonlyMap<RunId, number>,
): Map<string, number> {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const cleared = new Map<string, number>();
  const seen = new Set<RunId>();
  for (let id = headRunId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const run = byId.get(id);
    if (!run) break;
    for (const m of run.cleared) if (!cleared.has(m)) cleared.set(m, numbers.get(run.id) ?? 0);
    id = run.parentRunId;
  }
  return cleared;
}
