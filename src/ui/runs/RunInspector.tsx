import { useId } from "react";
import type { RunId } from "../../engine/ids";
import type { RunSnapshot } from "../../engine/runSnapshot";
import { useStudio } from "../../store/studioStore";
import { useMemoryPalette } from "../memoryPanel/memoryPalette";
import { executionOrder } from "./executionOrder";
import { isLlmCall, LlmCallDetails } from "./LlmCallDetails";
import { RunTimeline } from "./RunTimeline";
import { errorInWords, formatClock, formatDuration, STATUS_WORDS } from "./runFormat";
import { memoriesOf } from "./runMemories";
import { type RunLabels, useRunLabels } from "./useRunLabels";

/** One run, opened: what it was asked, how it went node by node, and every LLM call in full. */
export function RunInspector({ run }: { run: RunSnapshot }) {
  const labels = useRunLabels();
  const colors = useMemoryPalette(memoriesOf(run));
  const inspectRun = useStudio((s) => s.inspectRun);
  const headingId = useId();
  const calls = executionOrder(run).filter(isLlmCall);
  return (
    <article className="run-inspector" aria-labelledby={headingId}>
      <header className="run-inspector-header">
        <h3 id={headingId}>{labels.label(run.id)}</h3>
        <span className={`run-status is-${run.status}`}>{STATUS_WORDS[run.status]}</span>
        <button type="button" className="secondary" onClick={() => inspectRun(null)}>
          Close
        </button>
      </header>
      {run.runFromHere && <RunFromHereNote mark={run.runFromHere} />}
      <p className="run-input">{run.input}</p>
      <p className="run-meta">
        {formatClock(run.startedAt)} · took {formatDuration(run.endedAt - run.startedAt)}
      </p>
      {run.error && (
        // A Stop is the user's choice, not a failure: said plainly, not in red.
        <p className={run.status === "aborted" ? "run-help" : "run-call-error"}>
          {errorInWords(run.error)}
        </p>
      )}
      {run.status === "interrupted" && (
        <p className="run-help">
          Interrupted: the page was reloaded or closed before the reply finished. What had streamed
          is kept; nothing was added to memory.
        </p>
      )}
      <CompareWith run={run} labels={labels} />
      {run.cleared.length > 0 && (
        <p className="run-cleared">
          Cleared at the start of this run: {run.cleared.map((id) => `memory ${id}`).join(", ")}.
          Its calls saw {run.cleared.length === 1 ? "it" : "them"} empty; earlier runs still show
          what they received.
        </p>
      )}
      <h4 className="run-section-title">Timeline</h4>
      <p className="run-timeline-scale" aria-hidden="true">
        <span>0</span>
        <span>{formatDuration(run.endedAt - run.startedAt)}</span>
      </p>
      <RunTimeline run={run} />
      <h4 className="run-section-title">LLM calls</h4>
      {calls.length === 0 && <p className="run-help">No LLM call ran in this run.</p>}
      {calls.map((node) => (
        <LlmCallDetails
          key={node.nodeId}
          node={node}
          runId={run.id}
          colors={colors}
          numbers={labels.numbers}
        />
      ))}
    </article>
  );
}

/** A run of one node alone ("run from here"): said first, with what it did to memory. */
function RunFromHereNote({ mark }: { mark: NonNullable<RunSnapshot["runFromHere"]> }) {
  const from = mark.source === "typed" ? "values typed in its form" : "the last run's outputs";
  return (
    <p className="run-from-here-mark">
      <strong>Run from here:</strong> node {mark.nodeId} ran alone, from {from}.{" "}
      {mark.writesMemory
        ? "Its exchange was written to memory, like a message."
        : "It read memory as the last run did and wrote nothing."}
    </p>
  );
}

/** Picks a second run of the conversation to compare this one with. */
function CompareWith({ run, labels }: { run: RunSnapshot; labels: RunLabels }) {
  const runs = useStudio((s) => s.runs);
  const compareRun = useStudio((s) => s.compareRun);
  const selectId = useId();
  // Newest first, as in the list.
  const others = runs.filter((r) => r.id !== run.id).reverse();
  if (others.length === 0) return null;
  return (
    <div className="run-compare-with">
      <label htmlFor={selectId}>Compare with</label>
      <select
        id={selectId}
        value=""
        onChange={(e) => e.target.value && compareRun(e.target.value as RunId)}
      >
        <option value="">Pick a run…</option>
        {others.map((r) => (
          <option key={r.id} value={r.id}>
            {labels.label(r.id)}: {r.input.slice(0, 40)}
          </option>
        ))}
      </select>
    </div>
  );
}
