import type { Flow } from "../engine/flow";
import type { FlowId, MessageId } from "../engine/ids";
import type { MessageEdit } from "../engine/messageEdits";
import type { MemoryMessage } from "../engine/messages";
import type { RunSnapshot } from "../engine/runSnapshot";
import type { ConversationRecord, FlowRecord } from "./dbSchema";

/** Where the canvas was, as the editor saves it per flow (a setting, kept with its flow here). */
export interface BackupViewport {
  x: number;
  y: number;
  zoom: number;
}

/** A flow as a backup holds it: the record, and its canvas viewport when one was saved. */
export interface BackupFlowRecord extends Omit<FlowRecord, "flow"> {
  flow: Flow;
  viewport?: BackupViewport;
}

/** Settings a backup carries: none of them a secret (API keys and their choices never are). */
export interface BackupSettings {
  theme?: string;
}

/**
 * Everything a backup holds, as the database stores it. The file format (src/format) writes
 * and reads this shape; restoring adds it to the database without overwriting anything.
 */
export interface BackupData {
  flows: BackupFlowRecord[];
  conversations: ConversationRecord[];
  runs: RunSnapshot[];
  memoryMessages: MemoryMessage[];
  settings: BackupSettings;
  /**
   * Where each flow-scoped memory of a flow stands (the `flowMemoryHeads:<flowId>` setting);
   * the messages themselves are in memoryMessages, under the thread `flow:<flowId>`.
   */
  flowMemoryHeads?: { flowId: FlowId; heads: Record<string, MessageId | null> }[];
  /** Every version of every edited memory message, oldest first per message. */
  memoryEdits?: MessageEdit[];
}
