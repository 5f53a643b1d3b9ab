import type { Edge } from "@xyflow/react";
import type { NodeRecord, RunSnapshot } from "../../engine/runSnapshot";
import type { LiveNode, LiveRun } from "../../store/liveRun";
import { type StudioState, useStudio } from "../../store/studioStore";

/** What a node shows of the open conversation's run in progress, or of its last run. */
export interface NodeRunView {
  status: "waiting" | "running" | "done" | "failed" | "skipped";
  output?: string;
  error?: string;
}

const WAITING: NodeRunView = { status: "waiting" };

type Views = ReadonlyMap<string, NodeRunView>;

function viewOfRecord(record: NodeRecord): NodeRunView {
  if (record.status === "ok") return { status: "done", output: record.output ?? "" };
  // A node the run never reached (skipped, or stopped before it started) did not fail.
  if (record.status === "skipped" || record.startedAt === undefined) return { status: "skipped" };
  return { status: "failed", error: record.error?.message ?? "Stopped." };
}

/**
 * Each node's last output: the conversation's last turn (its head run), then the nodes run
 * alone from it since, newest last (a run from here that wrote nothing is off the branch but
 * is still the node's last output).
 */
export function settledViews(runs: readonly RunSnapshot[], headRunId: string | null): Views {
  const views = new Map<string, NodeRunView>();
  const head = runs.find((r) => r.id === headRunId);
  if (!head) return views;
  for (const record of head.nodes) views.set(record.nodeId, viewOfRecord(record));
  const alone = runs
    .filter((r) => r.runFromHere && !r.runFromHere.writesMemory && r.parentRunId === head.id)
    .sort((a, b) => a.startedAt - b.startedAt);
  for (const run of alone) for (const r of run.nodes) views.set(r.nodeId, viewOfRecord(r));
  return views;
}

/**
 * Computed once per change of the conversation's runs: every node's selector runs on every
 * studio update (a streamed token among them), so each must cost a lookup, not a walk.
 */
let cached: { runs: StudioState["runs"]; head: string | null; views: Views } | null = null;

function settledOf(s: StudioState): Views {
  if (cached?.runs !== s.runs || cached.head !== s.headRunId) {
    cached = { runs: s.runs, head: s.headRunId, views: settledViews(s.runs, s.headRunId) };
  }
  return cached.views;
}

/** A node's state in the run in progress, else its last output; undefined when it has none. */
export function nodeRunViewOf(s: StudioState, nodeId: string): NodeRunView | undefined {
  const live = s.liveRun;
  if (live && (live.only === undefined || live.only === nodeId)) {
    const node: LiveNode | undefined = live.nodes[nodeId];
    return node ?? WAITING;
  }
  return settledOf(s).get(nodeId);
}

/** The node's run state, re-rendering only when it changes (node events, not tokens). */
export const useNodeRunView = (nodeId: string) => useStudio((s) => nodeRunViewOf(s, nodeId));

/**
 * The connections carrying data in the run in progress (from a node done to one not yet
 * done) drawn animated. Recomputed on node events only: the live run does not move per token.
 */
export function withFlowingEdges<E extends Edge>(edges: E[], live: LiveRun | null): E[] {
  if (!live || live.only !== undefined) return edges;
  return edges.map((edge) => {
    const from = live.nodes[edge.source]?.status;
    const to = live.nodes[edge.target]?.status ?? "waiting";
    const carries = from === "done" && (to === "waiting" || to === "running");
    return carries ? { ...edge, animated: true, className: "is-flowing" } : edge;
  });
}
