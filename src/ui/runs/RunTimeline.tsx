import type { CSSProperties } from "react";
import type { RunSnapshot } from "../../engine/runSnapshot";
import { didRun, executionOrder } from "./executionOrder";
import { formatDuration, STATUS_WORDS } from "./runFormat";

/** Narrowest bar drawn, in percent: a 0 ms node must still be visible. */
const MIN_WIDTH = 0.8;

/**
 * The run's nodes in the order they started, each with a bar from its start to its end on
 * the run's own time scale, and the same in words for screen readers and exact reading.
 */
export function RunTimeline({ run }: { run: RunSnapshot }) {
  const total = Math.max(run.endedAt - run.startedAt, 1);
  const percent = (ms: number) => Math.min(Math.max((ms / total) * 100, 0), 100);
  return (
    <ol className="run-timeline" aria-label="Timeline">
      {executionOrder(run).map((node) => {
        if (!didRun(node)) {
          return (
            <li key={node.nodeId} className="run-timeline-row is-skipped">
              <span className="run-timeline-node">{node.nodeId}</span>
              <span className="run-timeline-words">{STATUS_WORDS[node.status]}: did not run</span>
            </li>
          );
        }
        const start = node.startedAt - run.startedAt;
        const took = (node.endedAt ?? node.startedAt) - node.startedAt;
        const bar = {
          "--bar-left": `${percent(start)}%`,
          "--bar-width": `${Math.max(percent(took), MIN_WIDTH)}%`,
        } as CSSProperties;
        return (
          <li key={node.nodeId} className={`run-timeline-row is-${node.status}`}>
            <span className="run-timeline-node">{node.nodeId}</span>
            <span className="run-timeline-track" aria-hidden="true">
              <span className="run-timeline-bar" style={bar} />
            </span>
            <span className="run-timeline-words">
              {node.status === "ok" ? "" : `${STATUS_WORDS[node.status]}, `}
              {formatDuration(took)}
              <span className="sr-only">, started at +{formatDuration(start)}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
