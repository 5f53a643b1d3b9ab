import "./runs.css";
import type { RunId } from "../../engine/ids";
import { useStudio } from "../../store/studioStore";
import { RunCompare } from "./RunCompare";
import { RunInspector } from "./RunInspector";
import { RunList } from "./RunList";
import { useRunSnapshot } from "./useRunSnapshot";

/**
 * The side panel's "Runs" tab: the runs of the chat on screen; open one to see exactly what
 * every LLM received and why, or pick two to compare them.
 */
export function RunsPanel() {
  const inspected = useStudio((s) => s.inspectedRunId);
  const compared = useStudio((s) => s.comparedRunId);
  return (
    <div className="panel runs-panel">
      {inspected === null ? (
        <RunList />
      ) : (
        <OpenRun id={inspected} compared={compared === inspected ? null : compared} />
      )}
    </div>
  );
}

function OpenRun({ id, compared }: { id: RunId; compared: RunId | null }) {
  const run = useRunSnapshot(id);
  const other = useRunSnapshot(compared ?? id);
  const inspectRun = useStudio((s) => s.inspectRun);
  if (run.status === "loading" || (compared && other.status === "loading")) {
    return <p className="run-help">Opening the run…</p>;
  }
  if (run.status === "missing") {
    return (
      <div className="run-missing">
        <p>This run is not in this conversation any more.</p>
        <button type="button" className="secondary" onClick={() => inspectRun(null)}>
          Close
        </button>
      </div>
    );
  }
  if (compared && other.status === "ready") {
    return <RunCompare first={run.run} second={other.run} />;
  }
  return <RunInspector run={run.run} />;
}
