import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import type { MemoryMessage } from "../engine/messages";
import type { RunSnapshot } from "../engine/runSnapshot";
import type { BackupData } from "../storage/backupData";
import type { RestoreOutcome } from "../storage/backupRepository";
import type { ConversationRecord } from "../storage/dbSchema";
import type { SliceContext } from "./sliceContext";

/** A flow file's conversations section, as read: the records to restore with its flow. */
export interface FlowConversationRecords {
  conversations: Omit<ConversationRecord, "flowId">[];
  runs: RunSnapshot[];
  memoryMessages: MemoryMessage[];
}

/** Backing up everything, and restoring a backup (or a flow file's conversations) beside it. */
export interface BackupState {
  /** Every flow, conversation, run and memory message, and the settings that are not secrets. */
  backupData(): Promise<BackupData>;
  /** What restoring `data` would add and rename now; writes nothing. */
  previewRestore(data: BackupData): Promise<RestoreOutcome>;
  /**
   * Adds `data` in one transaction (nothing overwritten; new ids and names where taken) and
   * opens the most recently saved flow restored; null while a run is in progress.
   */
  restoreBackup(data: BackupData): Promise<RestoreOutcome | null>;
  /**
   * Saves an imported flow as a new flow together with its conversations, runs and memory
   * messages (one transaction), and opens it on its latest conversation, ready to continue.
   */
  importFlowWithConversations(flow: Flow, records: FlowConversationRecords): Promise<FlowId | null>;
}

export function createBackupSlice(ctx: SliceContext): BackupState {
  // The code loads on the first backup, restore or import: the first page does not carry it.
  let actions: Promise<BackupState> | undefined;
  const load = () => (actions ??= import("./backupActions").then((m) => m.backupActions(ctx)));
  return {
    backupData: async () => (await load()).backupData(),
    previewRestore: async (data) => (await load()).previewRestore(data),
    restoreBackup: async (data) => (await load()).restoreBackup(data),
    importFlowWithConversations: async (flow, records) =>
      (await load()).importFlowWithConversations(flow, records),
  };
}
