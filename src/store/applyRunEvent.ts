import type { RunEvent } from "../engine/events";
import type { Flow } from "../engine/flow";
import type { NodeId, RunId } from "../engine/ids";
import { keyedRecord, ownValue } from "../engine/keyedRecord";
import { outputStreamSource } from "../engine/outputStream";
import type { RunSnapshot } from "../engine/runSnapshot";
import type { ChatTurn } from "./chatTurns";
import { patchLast, turnsOf } from "./turnList";

/** What the chat shows of a conversation: every run, the branch on screen and its head. */
export interface ChatView {
  runs: readonly RunSnapshot[];
  headRunId: RunId | null;
  /** The branch ending at the head, plus the message in progress (always the last turn). */
  turns: ChatTurn[];
}

/** LLM node id -> the output nodes that show its reply as it streams. */
export type OutputStreams = ReadonlyMap<NodeId, readonly NodeId[]>;

/** Which outputs stream which LLM node's tokens (an output showing exactly one LLM's reply). */
export function outputStreams(flow: Flow): OutputStreams {
  const streams = new Map<NodeId, NodeId[]>();
  for (const node of flow.nodes) {
    const source = node.type === "output" ? outputStreamSource(flow, node.id) : null;
    if (source) streams.set(source, [...(streams.get(source) ?? []), node.id]);
  }
  return streams;
}

/**
 * One run event applied to the chat on screen. Pure: the store feeds it each event of the
 * run in progress. Tokens grow the live turn's outputs; the finished run joins the
 * conversation's runs, becomes the head, and the branch is redrawn from the runs (so every
 * turn's alternatives count it). Events the chat does not show leave the view as it is.
 */
export function applyRunEvent(view: ChatView, event: RunEvent, streams: OutputStreams): ChatView {
  switch (event.type) {
    case "run-started":
      return { ...view, turns: patchLast(view.turns, () => ({ runId: event.runId })) };
    case "token": {
      const outputIds = streams.get(event.nodeId) ?? [];
      const waited = view.turns.at(-1)?.retrying?.nodeId === event.nodeId;
      if (outputIds.length === 0 && !waited) return view;
      const turns = patchLast(view.turns, (turn) => {
        const outputs = keyedRecord(turn.outputs);
        for (const id of outputIds) outputs[id] = (ownValue(outputs, id) ?? "") + event.text;
        return { outputs, ...(waited && { retrying: undefined }) };
      });
      return { ...view, turns };
    }
    case "call-retrying": {
      const { nodeId, attempt, until, providerLabel } = event;
      const retrying = { nodeId, attempt, until, providerLabel };
      return { ...view, turns: patchLast(view.turns, () => ({ retrying })) };
    }
    case "node-finished":
    case "node-failed": {
      // The retry was answered (or given up): the countdown goes.
      if (view.turns.at(-1)?.retrying?.nodeId !== event.nodeId) return view;
      return { ...view, turns: patchLast(view.turns, () => ({ retrying: undefined })) };
    }
    case "run-finished": {
      const runs = [...view.runs, event.snapshot];
      return { runs, headRunId: event.snapshot.id, turns: turnsOf(runs, event.snapshot.id) };
    }
    default:
      return view;
  }
}
