import type { NodeRecord, RunSnapshot } from "../../engine/runSnapshot";

/** A node that ran has a start time; skipped nodes (and nodes never reached) have none. */
export const didRun = (node: NodeRecord): node is NodeRecord & { startedAt: number } =>
  node.startedAt !== undefined;

/**
 * The run's nodes in the order they started (ties in flow order), then those that did not
 * run: the snapshot lists nodes in flow order, which is not what happened.
 */
export function executionOrder(run: RunSnapshot): NodeRecord[] {
  const ran = run.nodes
    .map((node, index) => ({ node, index }))
    .filter(({ node }) => didRun(node))
    .sort((a, b) => (a.node.startedAt ?? 0) - (b.node.startedAt ?? 0) || a.index - b.index)
    .map(({ node }) => node);
  return [...ran, ...run.nodes.filter((node) => !didRun(node))];
}
