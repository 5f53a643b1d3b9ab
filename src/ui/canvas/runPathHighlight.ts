import type { NodeRecord } from "../../engine/runSnapshot";
import { type StudioState, useStudio } from "../../store/studioStore";

/** How a node looks while a run is open in the Runs tab: on its path, failed there, or off it. */
export type RunPathState = "none" | "ran" | "failed" | "off";

type RunPath = ReadonlyMap<string, NodeRecord["status"]>;

/**
 * The inspected run's executed nodes, computed once per run: every node's selector runs on
 * every studio update (a streamed token among them), so it must cost one map lookup.
 */
let cached: { runs: StudioState["runs"]; runId: string; path: RunPath | null } | null = null;

function runPathOf(s: StudioState): RunPath | null {
  const runId = s.inspectedRunId;
  if (runId === null) return null;
  if (cached?.runs === s.runs && cached.runId === runId) return cached.path;
  const run = s.runs.find((r) => r.id === runId);
  const path = run
    ? new Map(run.nodes.filter((n) => n.startedAt !== undefined).map((n) => [n.nodeId, n.status]))
    : null;
  cached = { runs: s.runs, runId, path };
  return path;
}

export function useRunPath(nodeId: string): RunPathState {
  return useStudio((s) => {
    const path = runPathOf(s);
    if (path === null) return "none";
    const status = path.get(nodeId);
    if (status === undefined) return "off";
    return status === "ok" ? "ran" : "failed";
  });
}
