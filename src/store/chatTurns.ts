import type { NodeId, RunId } from "../engine/ids";
import { keyedRecord } from "../engine/keyedRecord";
import type { RunError, RunSnapshot, RunStatus } from "../engine/runSnapshot";

/** One exchange as the chat shows it: the user's message and what the flow answered. */
export interface ChatTurn {
  /** Absent while the run has not reported its id yet. */
  runId?: RunId;
  input: string;
  /** Output node id -> text; filled token by token while streaming. */
  outputs: Record<string, string>;
  /** "aborted" is a Stop; "interrupted" a run cut short by a reload or a closed tab. */
  status: RunStatus;
  error?: RunError;
  /** The LLM node whose call failed (its Model field is where a missing model is fixed). */
  failedNodeId?: NodeId;
  /** While running: a rate-limited call waits to be retried (the chat counts down). */
  retrying?: RetryingCall;
  /** One line per LLM call: what it saw of its memory. */
  memoryNotes: string[];
  /** The run this one continued (null: the conversation's first message). */
  parentRunId: RunId | null;
  /** The alternatives at this point (edits and regenerations), when there are several. */
  branch?: { index: number; count: number; siblings: RunId[] };
}

/** A rate-limited call waiting for its retry, from the run's `call-retrying` event. */
export interface RetryingCall {
  nodeId: NodeId;
  attempt: number;
  /** When the retry is sent (epoch ms). */
  until: number;
  providerLabel: string;
}

/** What each LLM call of a run saw, in a user's words: memory made visible. */
export function memoryReadNotes(run: RunSnapshot): string[] {
  const notes: string[] = [];
  for (const node of run.nodes) {
    const memory = node.llm?.memory;
    if (!node.llm) continue;
    if (!memory) {
      notes.push(`${node.nodeId}: no memory`);
      continue;
    }
    const seen = memory.keptIds.length;
    const overBudget = memory.droppedByBudget ?? 0;
    const dropped = memory.droppedCount - overBudget;
    const parts = [
      `${node.nodeId} saw ${seen} message${seen === 1 ? "" : "s"} of memory "${memory.memoryId}"`,
    ];
    if (dropped > 0) parts.push(`${dropped} older left out by the window`);
    if (overBudget > 0) parts.push(`${overBudget} left out by the token budget`);
    if (memory.mode !== "read-write") parts.push(memory.mode);
    notes.push(parts.join(", "));
  }
  // Said after the call too (it was sent anyway): the chat is where the user looks.
  for (const node of run.nodes) {
    if (node.llm?.contextWarning) notes.push(`${node.nodeId}: ${node.llm.contextWarning}`);
  }
  return notes;
}

export function turnFromRun(run: RunSnapshot, siblings: RunId[] = [run.id]): ChatTurn {
  const failed = run.status === "error" ? run.nodes.find((n) => n.status === "error") : undefined;
  return {
    runId: run.id,
    parentRunId: run.parentRunId,
    ...(siblings.length > 1 && {
      branch: { index: siblings.indexOf(run.id), count: siblings.length, siblings },
    }),
    input: run.input,
    outputs: keyedRecord(run.outputs),
    status: run.status,
    ...(run.error && { error: run.error }),
    ...(failed && { failedNodeId: failed.nodeId }),
    memoryNotes: memoryReadNotes(run),
  };
}
