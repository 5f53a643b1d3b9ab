import type { DBSchema, IDBPDatabase } from "idb";
import type { Flow } from "../engine/flow";
import type { ConversationId, FlowId, MemoryId, MessageId, RunId } from "../engine/ids";
import type { MemorySummary } from "../engine/memorySummary";
import type { MemoryMessage } from "../engine/messages";
import type { RunSnapshot } from "../engine/runSnapshot";
import type { StoredFlowRecord } from "./storedFlow";

/*
 * Names below live inside users' browsers: renaming one orphans their data.
 * Do not change any of them without a migration step in openDatabase.ts.
 */
/** Do not change without a migration. */
export const DB_NAME = "llm-flow-studio";
/** Bump together with a new `if (oldVersion < N)` step in openDatabase.ts. */
export const DB_VERSION = 3;

/** Do not change without a migration. */
export const STORE = {
  flows: "flows",
  conversations: "conversations",
  runs: "runs",
  memoryMessages: "memoryMessages",
  settings: "settings",
  /** Version 3: summary memory, one record per memory and covered-up-to message. */
  memorySummaries: "memorySummaries",
} as const;

/** Do not change without a migration. */
export const INDEX = {
  flowsByUpdatedAt: "byUpdatedAt",
  conversationsByFlowId: "byFlowId",
  conversationsByFlowIdUpdatedAt: "byFlowIdUpdatedAt",
  runsByConversationId: "byConversationId",
  messagesByConversationId: "byConversationId",
  summariesByConversationId: "byConversationId",
} as const;

/**
 * Indexes an earlier version created and a later one removed: named here for the upgrade
 * ladder only. Never reuse a name with another key path.
 */
export const RETIRED_INDEX = {
  /** Version 1 to 2: runs by parent run (nothing read it; the chat builds its tree in memory). */
  runsByParentRunId: "byParentRunId",
} as const;

export interface FlowRecord {
  id: FlowId;
  /** 1 on the first save, +1 on every save after: runs record which revision they ran. */
  revision: number;
  flow: Flow;
  createdAt: number;
  updatedAt: number;
}

export interface ConversationRecord {
  id: ConversationId;
  flowId: FlowId;
  title: string;
  createdAt: number;
  /** Last activity (creation or a saved run): lists sort on it, so renaming does not reorder. */
  updatedAt: number;
  /** The latest run of the branch the user is on; null before the first run. */
  headRunId: RunId | null;
}

export interface StudioDBSchema extends DBSchema {
  flows: {
    key: FlowId;
    /** A large flow's record holds it as text (storedFlow.ts). */
    value: StoredFlowRecord;
    indexes: { byUpdatedAt: number };
  };
  conversations: {
    key: ConversationId;
    value: ConversationRecord;
    indexes: { byFlowId: FlowId; byFlowIdUpdatedAt: [FlowId, number] };
  };
  runs: {
    key: RunId;
    value: RunSnapshot;
    indexes: { byConversationId: ConversationId };
  };
  memoryMessages: {
    key: MessageId;
    value: MemoryMessage;
    indexes: { byConversationId: ConversationId };
  };
  memorySummaries: {
    /** [memoryId, coversId]: branches that share a message share its summary. */
    key: [MemoryId, MessageId];
    value: MemorySummary;
    indexes: { byConversationId: ConversationId };
  };
  settings: {
    key: string;
    /** JSON-compatible; callers validate on read (the schema may have moved on since the write). */
    value: unknown;
  };
}

export type StudioDatabase = IDBPDatabase<StudioDBSchema>;
