import type { NodeId, NoteId } from "./ids";
import type { NoteColor } from "./stickyNotes";

/** The flow file's `schema` marker (docs/flow-format.md). Do not change: files in the wild carry it. */
export const FLOW_SCHEMA = "llm-flow-studio/flow";
/** The newest flow file version this build reads and writes. */
export const FLOW_VERSION = 3;

export const PROVIDERS = ["echo", "openai", "anthropic", "google", "openai-compatible"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const MEMORY_MODES = ["read-write", "read-only", "write-only"] as const;
/**
 * read-write: sees the window and records the exchange (the seed's behaviour).
 * read-only: sees the window, records nothing. write-only: records, sees no history.
 */
export type MemoryMode = (typeof MEMORY_MODES)[number];

export interface Position {
  x: number;
  y: number;
}

export interface LlmConfig {
  provider: ProviderName;
  model: string;
  /** Optional for hosted providers, required for `openai-compatible`. */
  baseUrl?: string;
  systemPrompt?: string;
  /** A template; absent means "the single upstream node's output". */
  prompt?: string;
  temperature?: number;
  maxTokens?: number;
  /** Absent or null: no memory. */
  memoryId?: string | null;
  /** Absent or null: unlimited. 0: no history. */
  memoryWindowSize?: number | null;
  /** Absent: no token budget. Else the newest memory messages whose tokens fit (version 2). */
  memoryWindowTokens?: number;
  /** Absent: read-write. */
  memoryMode?: MemoryMode;
  /**
   * Absent: off. Else what falls out of the window is folded into a running summary, sent
   * after the system prompt (version 3, docs/memory.md "Summary memory").
   */
  memorySummary?: MemorySummaryConfig;
  /** Unknown fields survive a round trip (docs/flow-format.md). */
  [extra: string]: unknown;
}

/** Who writes a node's summary memory: the node's own provider and model when omitted. */
export interface MemorySummaryConfig {
  provider?: ProviderName;
  model?: string;
  baseUrl?: string;
  /** The summarizer's instructions; absent: DEFAULT_SUMMARY_PROMPT. */
  prompt?: string;
  [extra: string]: unknown;
}

export interface TemplateConfig {
  template?: string;
  [extra: string]: unknown;
}

export interface OutputConfig {
  value?: string;
  [extra: string]: unknown;
}

interface NodeBase {
  id: NodeId;
  position: Position;
  [extra: string]: unknown;
}

export interface InputNode extends NodeBase {
  type: "input";
  config?: Record<string, unknown>;
}
export interface LlmNode extends NodeBase {
  type: "llm";
  config: LlmConfig;
}
export interface TemplateNode extends NodeBase {
  type: "template";
  config: TemplateConfig;
}
export interface OutputNode extends NodeBase {
  type: "output";
  config: OutputConfig;
}

export type FlowNode = InputNode | LlmNode | TemplateNode | OutputNode;
export type NodeKind = FlowNode["type"];

export interface FlowEdge {
  source: NodeId;
  target: NodeId;
  [extra: string]: unknown;
}

/**
 * A sticky note on the canvas (version 3): Markdown text for the people editing the flow.
 * Not a node: never validated with the graph, never connected, never run. Limits in
 * engine/stickyNotes.ts.
 */
export interface StickyNote {
  id: NoteId;
  text: string;
  position: Position;
  width: number;
  height: number;
  color?: NoteColor;
  [extra: string]: unknown;
}

/** A flow exactly as the file format has it (docs/flow-format.md, version 3). */
export interface Flow {
  schema: typeof FLOW_SCHEMA;
  version: typeof FLOW_VERSION;
  name: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /**
   * Memory id -> how it is kept (version 2): `{ "scope": "flow" }` shares one log across every
   * conversation of the flow; absent (or `conversation`) keeps one per conversation.
   */
  memories?: Record<string, { scope?: "conversation" | "flow"; [extra: string]: unknown }>;
  /** Sticky notes on the canvas (version 3); absent or empty: none. */
  notes?: StickyNote[];
  [extra: string]: unknown;
}
