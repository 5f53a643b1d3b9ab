import type { RunId } from "../engine/ids";
import type { RunError, RunSnapshot } from "../engine/runSnapshot";
import type { ChatTurn } from "./chatTurns";
import { turnFromRun } from "./chatTurns";
import { buildTree, pathTo, siblingsOf } from "./conversationTree";

/*
 * The chat's turns as every view of a conversation needs them. Apart from applyRunEvent.ts,
 * which only a run in progress needs and which loads with the run's code.
 */

/** The branch ending at `head` as chat turns, each knowing its alternatives. */
export function turnsOf(runs: readonly RunSnapshot[], head: RunId | null): ChatTurn[] {
  const tree = buildTree(runs);
  return pathTo(tree, head).map((run) => turnFromRun(run, siblingsOf(tree, run.id)));
}

/** The turn a message starts as, before the run reports anything. */
export function pendingTurn(input: string, parentRunId: RunId | null): ChatTurn {
  return { input, outputs: {}, status: "running", memoryNotes: [], parentRunId };
}

/** `turns` with its last turn patched. */
export const patchLast = (turns: ChatTurn[], patch: (turn: ChatTurn) => Partial<ChatTurn>) =>
  turns.map((t, i) => (i === turns.length - 1 ? { ...t, ...patch(t) } : t));

/** The message in progress failed before or outside its run: the last turn says why. */
export function failLastTurn(turns: ChatTurn[], error: RunError): ChatTurn[] {
  return patchLast(turns, () => ({ status: "error", error }));
}
