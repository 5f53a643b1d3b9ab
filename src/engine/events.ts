import type { ConversationId, NodeId, RunId } from "./ids";
import type { MemoryMessage, SentMessage } from "./messages";
import type { TokenUsage } from "./provider";
import type { NodeRecord, RunError, RunSnapshot } from "./runSnapshot";

/** What an LLM call received and why: the run inspector and tests read this. */
export interface LlmCallView {
  /** Exactly what went to the provider, each message tagged system / memory / run. */
  messages: SentMessage[];
  /** What the window left out: all of it counted, the newest shown. */
  dropped: { count: number; preview: MemoryMessage[] };
  reply?: string;
  usage?: TokenUsage;
  latencyMs?: number;
}

export type RunEvent =
  | {
      type: "run-started";
      runId: RunId;
      parentRunId: RunId | null;
      conversationId: ConversationId;
      input: string;
      at: number;
    }
  | { type: "node-started"; runId: RunId; nodeId: NodeId; at: number }
  | { type: "token"; runId: RunId; nodeId: NodeId; text: string }
  | {
      type: "node-finished";
      runId: RunId;
      nodeId: NodeId;
      output: string;
      record: NodeRecord;
      call?: LlmCallView;
    }
  | {
      type: "node-failed";
      runId: RunId;
      nodeId: NodeId;
      error: RunError;
      record: NodeRecord;
      call?: LlmCallView;
    }
  | { type: "node-skipped"; runId: RunId; nodeId: NodeId; reason: string }
  | { type: "run-finished"; runId: RunId; snapshot: RunSnapshot };
