import type { Flow } from "../../engine/flow";
import {
  BACKUP_MAX_BYTES,
  type BackupContents,
  type BackupSummary,
  DEFAULT_MAX_BYTES,
  type FlowFileError,
  type FlowFileSummary,
  flowFileSummary,
  flowFileTooLarge,
  looksLikeBackup,
  readBackupFile,
  readFlowConversations,
  readFlowFile,
} from "../../format";
import type { FlowConversationRecords } from "../../store/studioStore";

/** Conversations a flow file carries, restored with it: the records and how many of each. */
export interface CarriedConversations {
  records: FlowConversationRecords;
  counts: { conversations: number; runs: number; memoryMessages: number };
}

/** What the import dialog shows: a flow or a backup to confirm, or why the file cannot be used. */
export type FlowImport =
  | {
      kind: "preview";
      fileName: string;
      flow: Flow;
      summary: FlowFileSummary;
      warnings: string[];
      migratedFrom?: number;
      /** The file carries conversations: restored with the flow. */
      hasConversations: boolean;
      conversations?: CarriedConversations;
    }
  | {
      kind: "backup";
      fileName: string;
      backup: BackupContents;
      summary: BackupSummary;
      warnings: string[];
    }
  | { kind: "refused"; fileName: string; errors: FlowFileError[] };

/** The part of a File this needs: tests pass plain objects. */
export interface ImportFile {
  name: string;
  size: number;
  text(): Promise<string>;
  /** A File's slice, to look at the first bytes of a large file before reading it all. */
  slice?(start: number, end: number): { text(): Promise<string> };
}

const refused = (fileName: string, errors: FlowFileError[]): FlowImport => ({
  kind: "refused",
  fileName,
  errors,
});

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads and checks a chosen or dropped file, a flow file or a backup; saves nothing. The
 * size is checked before the text is read, so a huge file is refused without being loaded:
 * a file over the flow file limit is read only when its first bytes say it is a backup.
 */
export async function readImportFile(file: ImportFile): Promise<FlowImport> {
  const tooLarge = flowFileTooLarge(file.size, DEFAULT_MAX_BYTES);
  if (tooLarge) {
    const head = await file
      .slice?.(0, 4096)
      .text()
      .catch(() => "");
    if (!head || !looksLikeBackup(head)) return refused(file.name, [tooLarge]);
    const backupTooLarge = file.size > BACKUP_MAX_BYTES;
    if (backupTooLarge) {
      return refused(file.name, [
        { path: "", message: `The backup is larger than ${BACKUP_MAX_BYTES / 2 ** 20} MB.` },
      ]);
    }
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return refused(file.name, [{ path: "", message: `Could not read the file: ${reason(error)}` }]);
  }
  if (looksLikeBackup(text)) return readBackup(file.name, text);
  const result = readFlowFile(text, { maxBytes: DEFAULT_MAX_BYTES });
  if (!result.ok) {
    // A backup written by hand may carry its marker further down.
    const notAFlow = result.errors.length === 1 && result.errors[0]?.path === "";
    if (notAFlow && text.includes('"llm-flow-studio/backup"')) return readBackup(file.name, text);
    return refused(file.name, result.errors);
  }
  let conversations: CarriedConversations | undefined;
  const warnings = [...result.warnings];
  if (result.conversations !== undefined) {
    const read = await readFlowConversations(result.conversations);
    if (!read.ok) return refused(file.name, read.errors);
    warnings.push(...read.warnings);
    const { records } = read;
    conversations = {
      records,
      counts: {
        conversations: records.conversations.length,
        runs: records.runs.length,
        memoryMessages: records.memoryMessages.length,
      },
    };
  }
  return {
    kind: "preview",
    fileName: file.name,
    flow: result.flow,
    summary: flowFileSummary(result.flow),
    warnings,
    ...(result.migratedFrom !== undefined && { migratedFrom: result.migratedFrom }),
    hasConversations: result.conversations !== undefined,
    ...(conversations && { conversations }),
  };
}

async function readBackup(fileName: string, text: string): Promise<FlowImport> {
  const read = await readBackupFile(text);
  if (!read.ok) return refused(fileName, read.errors);
  return {
    kind: "backup",
    fileName,
    backup: read.backup,
    summary: read.summary,
    warnings: read.warnings,
  };
}
