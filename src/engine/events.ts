import type { ConversationId, MessageId, NodeId, RunId } from "./ids";
import type { SummaryCallRecord } from "./memorySummary";
import type { SentMessage } from "./messages";
import type { TokenUsage } from "./provider";
import type { NodeRecord, RunError, RunSnapshot } from "./runSnapshot";

/** What an LLM call received and why: the run inspector and tests read this. */
export interface LlmCallView {
  /** Exactly what went to the provider, each message tagged system / memory / run. */
  messages: SentMessage[];
  /**
   * What the window left out: how many, and the newest of them; walk back from it with
   * Saver.readBack to show them (only when someone looks: the call itself reads O(window)).
   */
  dropped: { count: number; firstDroppedId: MessageId | null };
  /** The summary sent, and the summarizer call if one ran (see LlmCallRecord.summary). */
  summary?: SummaryCallRecord;
  /** The tokens of what was sent (see LlmCallRecord.tokens). */
  tokens?: { total: number; exact: boolean; counter: string };
  /** The call might not fit the model's context: said, not blocked. */
  contextWarning?: string;
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
  | {
      /** A rate-limited call waits to be retried: `until` is when (epoch ms, the run's clock). */
      type: "call-retrying";
      runId: RunId;
      nodeId: NodeId;
      attempt: number;
      until: number;
      providerLabel: string;
    }
  | { type: "run-finished"; runId: RunId; snapshot: RunSnapshot };
