import { useId } from "react";
import type { RunId } from "../../engine/ids";
import type { RunSnapshot } from "../../engine/runSnapshot";
import type { ChatTurn } from "../../store/chatTurns";
import { useStudio } from "../../store/studioStore";
import { firstWords, formatClock, formatDuration, STATUS_WORDS } from "./runFormat";

/**
 * The runs of the branch on screen, newest first: one row per chat message. Ticking
 * "Compare" on one run and then another (or opening another) compares the two.
 */
export function RunList() {
  const turns = useStudio((s) => s.turns);
  const runs = useStudio((s) => s.runs);
  const compared = useStudio((s) => s.comparedRunId);
  const headingId = useId();
  const byId = new Map(runs.map((r) => [r.id, r]));
  // Turn i is message i + 1 of the branch: the run numbers the inspector uses too.
  const rows = turns.map((turn, i) => ({ turn, number: i + 1 })).reverse();
  const pickedNumber = rows.find(
    (r) => r.turn.runId !== undefined && r.turn.runId === compared,
  )?.number;
  return (
    <section className="run-list" aria-labelledby={headingId}>
      <h3 id={headingId} className="sr-only">
        Runs
      </h3>
      {rows.length === 0 ? (
        <p className="run-empty">
          No runs yet. Each message you send runs the flow once; its runs appear here, with exactly
          what every LLM received.
        </p>
      ) : (
        <>
          <p className="run-help">
            {pickedNumber === undefined
              ? "Open a run to see what each LLM received. Tick two runs to compare them."
              : `Run ${pickedNumber} is picked: tick or open another run to compare them.`}
          </p>
          <ol className="run-rows">
            {rows.map(({ turn, number }) => (
              <RunRow
                key={turn.runId ?? "running"}
                turn={turn}
                number={number}
                run={turn.runId ? byId.get(turn.runId) : undefined}
              />
            ))}
          </ol>
          <NodesRunAlone runs={runs} />
        </>
      )}
    </section>
  );
}

/** The conversation's nodes run alone that wrote nothing: on no branch, so listed apart. */
function NodesRunAlone({ runs }: { runs: readonly RunSnapshot[] }) {
  const inspectRun = useStudio((s) => s.inspectRun);
  const headingId = useId();
  const alone = runs.filter((r) => r.runFromHere && !r.runFromHere.writesMemory).reverse();
  if (alone.length === 0) return null;
  return (
    <>
      <h4 id={headingId} className="run-section-title">
        Nodes run from here
      </h4>
      <ol className="run-rows" aria-labelledby={headingId}>
        {alone.map((run) => (
          <li key={run.id} className={`run-row is-${run.status}`}>
            <div className="run-row-head">
              <span className="run-row-number">{run.runFromHere?.nodeId}</span>
              <span className={`run-status is-${run.status}`}>{STATUS_WORDS[run.status]}</span>
              <span className="run-meta">{formatClock(run.startedAt)}</span>
            </div>
            <div className="run-row-actions">
              <button type="button" className="secondary" onClick={() => inspectRun(run.id)}>
                Open<span className="sr-only"> {run.runFromHere?.nodeId} run from here</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

interface RunRowProps {
  turn: ChatTurn;
  number: number;
  /** Absent while the run is in progress: its snapshot is saved when it ends. */
  run: RunSnapshot | undefined;
}

function RunRow({ turn, number, run }: RunRowProps) {
  const compared = useStudio((s) => s.comparedRunId);
  const inspectRun = useStudio((s) => s.inspectRun);
  const compareRun = useStudio((s) => s.compareRun);
  const status = run ? run.status : turn.status;
  const id = run?.id;
  const picked = id !== undefined && compared === id;
  const onCompare = (checked: boolean, runId: RunId) => {
    if (!checked) compareRun(null);
    // The first tick picks a run; the second opens the two side by side.
    else if (compared === null) compareRun(runId);
    else inspectRun(runId);
  };
  return (
    <li className={`run-row is-${status}`}>
      <div className="run-row-head">
        <span className="run-row-number">Run {number}</span>
        <span className={`run-status is-${status}`}>{STATUS_WORDS[status]}</span>
        {run?.runFromHere && <span className="run-meta">run from here</span>}
        {run && (
          <span className="run-meta">
            {formatClock(run.startedAt)} · {formatDuration(run.endedAt - run.startedAt)}
          </span>
        )}
      </div>
      <p className="run-row-input" title={turn.input}>
        {firstWords(turn.input)}
      </p>
      {id !== undefined && (
        <div className="run-row-actions">
          <button type="button" className="secondary" onClick={() => inspectRun(id)}>
            Open<span className="sr-only"> run {number}</span>
          </button>
          <label className="run-compare-check">
            <input
              type="checkbox"
              checked={picked}
              onChange={(e) => onCompare(e.target.checked, id)}
            />
            Compare<span className="sr-only"> run {number}</span>
          </label>
        </div>
      )}
    </li>
  );
}
