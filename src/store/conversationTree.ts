import type { RunId } from "../engine/ids";
import { movesHead, type RunSnapshot } from "../engine/runSnapshot";

/**
 * A conversation's runs as the tree they form: each run continues its parent, and editing or
 * regenerating an earlier message starts a sibling branch (docs/memory.md, "Persistence").
 */
export interface ConversationTree {
  byId: Map<RunId, RunSnapshot>;
  /** Children of each run (null: the first messages), oldest first. */
  children: Map<RunId | null, RunId[]>;
}

export function buildTree(runs: readonly RunSnapshot[]): ConversationTree {
  const sorted = [...runs].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
  const byId = new Map(sorted.map((r) => [r.id, r]));
  const children = new Map<RunId | null, RunId[]>();
  for (const run of sorted) {
    // A node run alone that wrote nothing is on no branch (its record is still kept).
    if (!movesHead(run)) continue;
    const list = children.get(run.parentRunId) ?? [];
    list.push(run.id);
    children.set(run.parentRunId, list);
  }
  return { byId, children };
}

/** The branch ending at `head`, first message first. */
export function pathTo(tree: ConversationTree, head: RunId | null): RunSnapshot[] {
  const path: RunSnapshot[] = [];
  for (let id = head; id !== null; ) {
    const run = tree.byId.get(id);
    if (!run) break;
    path.push(run);
    id = run.parentRunId;
  }
  return path.reverse();
}

/** Where a branch leads: its newest descendant, following the newest child at each step. */
export function latestLeaf(tree: ConversationTree, runId: RunId): RunId {
  let id = runId;
  for (;;) {
    const next = tree.children.get(id)?.at(-1);
    if (next === undefined) return id;
    id = next;
  }
}

/** The alternatives at one point of the conversation: runs sharing this run's parent. */
export function siblingsOf(tree: ConversationTree, runId: RunId): RunId[] {
  const run = tree.byId.get(runId);
  return run ? (tree.children.get(run.parentRunId) ?? [runId]) : [runId];
}
