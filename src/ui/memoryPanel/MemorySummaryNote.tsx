import type { MemoryId, RunId } from "../../engine/ids";
import { memorySettings } from "../../engine/memorySettings";
import { type MemorySummary, summarySettings } from "../../engine/memorySummary";
import type { MemoryMessage } from "../../engine/messages";
import { useFlowStore } from "../../store/flowStore";
import { useStudio } from "../../store/studioStore";
import { errorText, useStoreQuery } from "../../store/useStoreQuery";
import { LongText } from "../common/LongText";

/**
 * The newest stored summary of this log (summary memory): the one covering the most recent of
 * its messages, found walking back from the newest. The panel has read the whole log already,
 * so this walk costs at most one lookup per message it shows.
 */
async function newestSummary(
  read: (memoryId: MemoryId, coversId: MemoryMessage["id"]) => Promise<MemorySummary | undefined>,
  memoryId: MemoryId,
  messages: readonly MemoryMessage[],
): Promise<MemorySummary | null> {
  for (let i = messages.length - 1; i >= 0; i--) {
    const found = await read(memoryId, (messages[i] as MemoryMessage).id);
    if (found) return found;
  }
  return null;
}

interface MemorySummaryNoteProps {
  memoryId: string;
  messages: readonly MemoryMessage[];
  numbers: ReadonlyMap<RunId, number>;
}

/** "Summary, covering the first K of N messages": the summary and what it covers. */
export function MemorySummaryNote({ memoryId, messages, numbers }: MemorySummaryNoteProps) {
  const readSummary = useStudio((s) => s.readSummary);
  // Looked for only while a node on this memory summarizes: otherwise none is being kept.
  const summarized = useFlowStore((s) =>
    (s.flow?.nodes ?? []).some(
      (n) =>
        n.type === "llm" &&
        memorySettings(n.config).memoryId === memoryId &&
        summarySettings(n.config) !== null,
    ),
  );
  const summary = useStoreQuery(
    messages.length === 0 || !summarized
      ? null
      : () => newestSummary(readSummary, memoryId as MemoryId, messages),
    [readSummary, memoryId, messages, summarized],
  );
  if (summary.status === "failed")
    return (
      <p className="memory-summary-error">Could not read its summary: {errorText(summary.error)}</p>
    );
  if (summary.status !== "ready" || summary.data === null) return null;
  const s = summary.data;
  const run = numbers.get(s.runId);
  return (
    <section className="memory-summary" aria-label={`Summary of memory ${memoryId}`}>
      <p className="memory-summary-head">
        <span className="call-tag">summary</span> Covers the first {s.coveredCount} of{" "}
        {messages.length} messages (through “{shorten(coveredContent(messages, s))}”), written by{" "}
        {s.nodeId}
        {run !== undefined ? ` in run ${run}` : ""}.
      </p>
      <p className="memory-summary-text">
        <LongText text={s.text} />
      </p>
    </section>
  );
}

const coveredContent = (messages: readonly MemoryMessage[], s: MemorySummary) =>
  messages.find((m) => m.id === s.coversId)?.content ?? "";

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
