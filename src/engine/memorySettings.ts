import type { FlowNode, LlmConfig, MemoryMode } from "./flow";
import type { MemoryId, NodeId } from "./ids";
import { memoryId as toMemoryId } from "./ids";

/**
 * A node's effective memory settings: the one reading of `memoryId`, `memoryWindowSize`,
 * `memoryWindowTokens` and `memoryMode` that the engine runs by and every view shows (docs/memory.md, "Settings").
 */
export interface MemorySettings {
  /** The memory the node reads and writes; null: no memory (absent, null or ""). */
  memoryId: MemoryId | null;
  /** Messages before the prompt the node sees; null: all of them, 0: none. */
  windowSize: number | null;
  /** The token budget of the window; null: none. Applies together with windowSize. */
  windowTokens: number | null;
  /** Absent means read-write. */
  mode: MemoryMode;
}

/** What a node without memory, or a node that is not an LLM, has. */
export const NO_MEMORY: MemorySettings = Object.freeze({
  memoryId: null,
  windowSize: null,
  windowTokens: null,
  mode: "read-write",
});

type MemoryConfig = Pick<
  LlmConfig,
  "memoryId" | "memoryWindowSize" | "memoryWindowTokens" | "memoryMode"
>;

/**
 * The memory settings of an LLM config. An empty memory id means no memory, as absent and
 * null do: a node never reads or writes a memory called "" (the validator also refuses ""
 * as a value, since the flow file writes "no memory" as absent or null). The window and mode
 * are read as given even when memory is off, so switching it back on restores them.
 */
export function memorySettings(config: MemoryConfig | undefined): MemorySettings {
  const id = config?.memoryId;
  return {
    memoryId: typeof id === "string" && id !== "" ? toMemoryId(id) : null,
    windowSize: config?.memoryWindowSize ?? null,
    windowTokens: config?.memoryWindowTokens ?? null,
    mode: config?.memoryMode ?? "read-write",
  };
}

/** The memory settings of any node: only LLM nodes have memory. */
export function nodeMemory(node: FlowNode | undefined): MemorySettings {
  return node?.type === "llm" ? memorySettings(node.config) : NO_MEMORY;
}

/** The node's memory id, or null: the shorthand for views that only colour or group by it. */
export const nodeMemoryId = (node: FlowNode | undefined): MemoryId | null =>
  nodeMemory(node).memoryId;

/** Whether a call sees the memory's history (it always sees the system prompt and prompt). */
export const readsMemory = (s: MemorySettings): s is MemorySettings & { memoryId: MemoryId } =>
  s.memoryId !== null && s.mode !== "write-only";

/** Whether a successful call appends its prompt and reply to the memory. */
export const writesMemory = (s: MemorySettings): s is MemorySettings & { memoryId: MemoryId } =>
  s.memoryId !== null && s.mode !== "read-only";

/**
 * How many messages a call keeps from its memory: the window, except that a write-only node
 * sees none. null: all of them.
 */
export const keptLimit = (s: Pick<MemorySettings, "mode" | "windowSize">): number | null =>
  s.mode === "write-only" ? 0 : s.windowSize;

/**
 * The token budget a call applies to its memory: null without one, and for a write-only node,
 * which sees no history whatever the budget.
 */
export const keptTokens = (s: Pick<MemorySettings, "mode" | "windowTokens">): number | null =>
  s.mode === "write-only" ? null : s.windowTokens;

/** Switching memory on names it after the node itself (the seed's memory_id="chat_llm"). */
export const defaultMemoryId = (node: NodeId): MemoryId => toMemoryId(node);
