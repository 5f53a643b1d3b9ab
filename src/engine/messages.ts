import type { ConversationId, MemoryId, MessageId, NodeId, RunId } from "./ids";

export type ChatRole = "system" | "user" | "assistant";

/**
 * One message of a memory log. Logs are linked lists: `prev` points at the message before
 * it on the same branch, so a branched conversation shares its common prefix and a window
 * of W messages is read by walking W links back from the head: O(W), not O(history).
 */
export interface MemoryMessage {
  id: MessageId;
  conversationId: ConversationId;
  memoryId: MemoryId;
  /** The run that appended it. */
  runId: RunId;
  /** The node whose call produced it. */
  nodeId: NodeId;
  /** The message before this one in the memory's log, or null for the first. */
  prev: MessageId | null;
  /** Position in the log, 0-based: index + 1 is the log's length with this as its head. */
  index: number;
  /** "tool" is reserved for tool results once tools exist; the window rules already handle it. */
  role: "user" | "assistant" | "tool";
  content: string;
  createdAt: number;
  /**
   * Set when read back through an edit (docs/memory.md, "Editing memory"): the stored record
   * keeps the text as appended; edits are versions beside it and reads apply the newest one.
   * Absent: version 0, as appended.
   */
  version?: number;
  /** Its text is not the text as appended (an edit, not only a pin or a delete). */
  edited?: true;
  /** Pinned: sent before the window in every call that reads this log, whatever the window. */
  pinned?: true;
  /** Deleted: never sent again; earlier runs still show it. */
  deleted?: true;
}

/** Where a message sent to a provider came from, so users can see why the model saw it. */
export type MessageSource =
  | { kind: "system" }
  | { kind: "memory"; memoryId: MemoryId; messageId: MessageId }
  /** The memory's running summary, up to and with message `coversId` (memorySummary.ts). */
  | { kind: "summary"; memoryId: MemoryId; coversId: MessageId }
  | { kind: "run" };

/** A message exactly as it was sent to the provider, tagged with its source. */
export interface SentMessage {
  role: ChatRole | "tool";
  content: string;
  source: MessageSource;
}
