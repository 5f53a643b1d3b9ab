import type { Flow } from "../engine/flow";
import type { ConversationId, FlowId, MessageId, RunId } from "../engine/ids";
import type { MessageEdit } from "../engine/messageEdits";
import type { MemoryMessage } from "../engine/messages";
import type { RunSnapshot } from "../engine/runSnapshot";

/*
 * What a backup holds once read: the app's own records. The storage layer's BackupData has
 * the same shape (the format cannot import storage; TypeScript checks they agree where the
 * store passes one for the other).
 */

export interface BackupFlowEntry {
  id: FlowId;
  revision: number;
  createdAt: number;
  updatedAt: number;
  viewport?: { x: number; y: number; zoom: number };
  flow: Flow;
}

export interface BackupConversation {
  id: ConversationId;
  flowId: FlowId;
  title: string;
  createdAt: number;
  updatedAt: number;
  headRunId: RunId | null;
}

/** Conversations with their runs and memory messages: a backup's, or a flow file's section. */
export interface ConversationRecords {
  conversations: BackupConversation[];
  runs: RunSnapshot[];
  memoryMessages: MemoryMessage[];
}

/** The heads of a flow's flow-scoped memories (version 2): memory id -> newest message. */
export interface BackupFlowMemoryHeads {
  flowId: FlowId;
  heads: Record<string, MessageId | null>;
}

export interface BackupContents extends ConversationRecords {
  flows: BackupFlowEntry[];
  settings: { theme?: string };
  /** Version 2: where each flow-scoped memory stands (its messages are in memoryMessages). */
  flowMemoryHeads?: BackupFlowMemoryHeads[];
  /** Version 2: every version of every edited memory message (docs/memory.md). */
  memoryEdits?: MessageEdit[];
}
