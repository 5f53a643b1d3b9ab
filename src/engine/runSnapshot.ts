import type { MemoryMode, ProviderName } from "./flow";
import type { ConversationId, FlowId, MemoryId, MessageId, NodeId, RunId } from "./ids";
import type { SummaryCallRecord } from "./memorySummary";
import type { KeyDestination, ProviderErrorKind, TokenUsage } from "./provider";
import type { RunFromHereMark } from "./runFromHere";
import type { MemoryHeads } from "./saver";

/**
 * "running" is stored from the moment a message is sent until the run settles; a run read
 * back still "running" by a page that is not running it was cut short by a reload or a
 * closed tab, and shows as "interrupted" (see `asInterrupted`). "aborted" is a Stop.
 */
export type RunStatus = "ok" | "error" | "aborted" | "running" | "interrupted";

export interface RunError {
  kind: ProviderErrorKind | "validation" | "internal";
  message: string;
  retryAfterSeconds?: number;
  /** The provider that failed, so the UI can open its settings. */
  provider?: ProviderName;
  /** For "key-not-approved": the servers the key was kept from, to approve or skip. */
  destinations?: KeyDestination[];
}

/**
 * What an LLM call received, stored compactly: memory messages by id (they live once in the
 * message store), so a run's record is O(window) and storage never grows as O(turns^2).
 */
export interface LlmCallRecord {
  provider: string;
  model: string;
  systemPrompt?: string;
  prompt: string;
  /** The node's own base URL, when it had one (a replay calls the same address). */
  baseUrl?: string;
  temperature?: number;
  maxTokens?: number;
  memory?: {
    memoryId: MemoryId;
    /** "flow": a memory shared by every conversation of the flow (absent: the conversation's). */
    scope?: "flow";
    mode: MemoryMode;
    windowSize: number | null;
    /** The token budget (absent: none, and in runs from before budgets existed). */
    windowTokens?: number;
    /** Of droppedCount, how many the token budget cut (the newest dropped ones). */
    droppedByBudget?: number;
    /** The kept messages' tokens, as the budget counted them. */
    keptTokens?: number;
    /** Messages the window kept, oldest first. */
    keptIds: MessageId[];
    /** Pinned messages sent before the window, oldest first (absent: none). */
    pinnedIds?: MessageId[];
    /**
     * Message id -> the edit version this call was sent, for messages sent edited (absent:
     * each as appended). The versions are stored beside the message, never rewritten.
     */
    versions?: Record<string, number>;
    /** The pinned messages alone exceeded the token budget: nothing of the window was sent. */
    pinsOverBudget?: true;
    /** How many older messages the window left out. */
    droppedCount: number;
    /** The newest dropped message; the rest follow by `prev` links (Saver.readBack). */
    firstDroppedId: MessageId | null;
    /** What this call appended (prompt and reply), empty unless it succeeded and may write. */
    appendedIds: MessageId[];
  };
  /**
   * The memory's summary the call was sent (summary memory), and the summarizer call that
   * updated it if this call did; absent when nothing was summarized.
   */
  summary?: SummaryCallRecord;
  /** The tokens of what was sent, counted before the call (absent in older runs). */
  tokens?: { total: number; exact: boolean; counter: string };
  /** Said before the call when it might not fit the model's context (it was sent anyway). */
  contextWarning?: string;
  reply?: string;
  usage?: TokenUsage;
  latencyMs?: number;
}

export interface NodeRecord {
  nodeId: NodeId;
  type: string;
  status: "ok" | "error" | "aborted" | "skipped";
  output?: string;
  startedAt?: number;
  endedAt?: number;
  llm?: LlmCallRecord;
  error?: RunError;
}

/** One execution of a flow for one chat input (docs/memory.md, "Terms"). */
export interface RunSnapshot {
  id: RunId;
  parentRunId: RunId | null;
  conversationId: ConversationId;
  flowId: FlowId;
  flowRevision: number;
  input: string;
  /** Output node id -> the text it shows. */
  outputs: Record<string, string>;
  nodes: NodeRecord[];
  /** Messages each memory gained in this run, in order. */
  appended: Record<string, MessageId[]>;
  /** Memories cleared at the start of this run (recorded, never rewriting history). */
  cleared: MemoryId[];
  /** Every memory's newest message at the end of the run: the next run starts from these. */
  memoryHeads: MemoryHeads;
  status: RunStatus;
  error?: RunError;
  startedAt: number;
  endedAt: number;
  /**
   * Set on a run of one node alone ("run from here"): which node, from which values, and
   * whether it wrote memory. One that did not is off the conversation's branches.
   */
  runFromHere?: RunFromHereMark;
}

/** Whether a run moves its conversation's head: all do but a run from here that writes nothing. */
export const movesHead = (run: Pick<RunSnapshot, "runFromHere">): boolean =>
  run.runFromHere === undefined || run.runFromHere.writesMemory;

/**
 * A run as a page that is not running it sees it: one left "running" was cut short (the
 * page that ran it reloaded or closed) and is shown as interrupted, with what it streamed.
 */
export function asInterrupted(run: RunSnapshot): RunSnapshot {
  return run.status === "running" ? { ...run, status: "interrupted" } : run;
}
