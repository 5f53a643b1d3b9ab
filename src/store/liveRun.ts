import type { RunEvent } from "../engine/events";
import type { NodeId, RunId } from "../engine/ids";

/** How a node stands in the run in progress (a node not listed is still waiting). */
export interface LiveNode {
  status: "running" | "done" | "failed" | "skipped";
  /** Its output, once done. */
  output?: string;
  /** Why it failed or was skipped. */
  error?: string;
}

/**
 * The run in progress, node by node, as its events report it: what the canvas draws while it
 * runs. It changes on node events only, never on a streamed token, so each node's view of it
 * costs nothing per token. Gone once the run ends: the stored run says the rest.
 */
export interface LiveRun {
  runId: RunId | null;
  /** Set when one node runs alone ("run from here"): the others keep their last output. */
  only?: NodeId;
  nodes: Readonly<Record<string, LiveNode>>;
}

const withNode = (live: LiveRun, nodeId: NodeId, node: LiveNode): LiveRun => ({
  ...live,
  nodes: { ...live.nodes, [nodeId]: node },
});

/** One run event applied to the run in progress; null once it has finished. */
export function applyNodeEvent(live: LiveRun | null, event: RunEvent): LiveRun | null {
  const current = live ?? { runId: null, nodes: {} };
  switch (event.type) {
    case "run-started":
      return { ...current, runId: event.runId };
    case "node-started":
      return withNode(current, event.nodeId, { status: "running" });
    case "node-finished":
      return withNode(current, event.nodeId, { status: "done", output: event.output });
    case "node-failed":
      return withNode(current, event.nodeId, { status: "failed", error: event.error.message });
    case "node-skipped":
      return withNode(current, event.nodeId, { status: "skipped", error: event.reason });
    case "run-finished":
      return null;
    default:
      return live;
  }
}
