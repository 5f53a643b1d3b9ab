import {
  exportTimbalAgent,
  exportTimbalPython,
  flowFileName,
  timbalAgentFileName,
  timbalPythonFileName,
  writeBackupFile,
  writeFlowFile,
} from "../../format";
import { useFlowStore } from "../../store/flowStore";
import type { StoreReads, StudioState } from "../../store/studioStore";
import { downloadText } from "../common/download";

/*
 * The Flows menu's exports, loaded on first use so the format module stays out of the first
 * page. Both export the flow as it is in the editor, unsaved edits included. API keys live in
 * the credentials store, never in a flow, and writeFlowFile drops any secret-named key anyway.
 */

function openFlow() {
  const { flow, flowId } = useFlowStore.getState();
  if (!flow) throw new Error("No flow is open.");
  return { flow, flowId };
}

/**
 * Downloads `<name>.flow.json`; with `includeConversations`, its conversations and memories
 * too, read through the studio store's `conversationsForExport`.
 */
export async function exportOpenFlow(options: {
  includeConversations: boolean;
  conversationsForExport: StoreReads["conversationsForExport"];
}): Promise<void> {
  const { flow, flowId } = openFlow();
  let conversations: unknown;
  if (options.includeConversations && flowId) {
    conversations = await options.conversationsForExport(flowId);
  }
  const text = writeFlowFile(flow, conversations === undefined ? {} : { conversations });
  downloadText(flowFileName(flow), text, "application/json");
}

/** "llm-flow-studio-backup-2026-11-30.json": the day it was made, in the user's own time zone. */
export function backupFileName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `llm-flow-studio-backup-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.json`;
}

/**
 * Downloads one file with every flow, conversation, run and memory message, and the settings
 * that are not secrets (docs/backup.md). API keys live apart and are never read into it.
 */
export async function exportBackup(backupData: StoreReadsBackup): Promise<void> {
  const data = await backupData();
  const now = new Date();
  const text = writeBackupFile(data, { createdAt: now.getTime() });
  downloadText(backupFileName(now), text, "application/json");
}

type StoreReadsBackup = StudioState["backupData"];

/** Downloads the flow as a Timbal Python module. */
export function exportOpenFlowAsPython(): void {
  const { flow } = openFlow();
  downloadText(timbalPythonFileName(flow), exportTimbalPython(flow), "text/x-python");
}

/**
 * Downloads the flow as a Timbal 1.x module (an Agent per LLM), or throws the reasons it cannot
 * be one: an export that behaved differently from the app would be worse than none.
 */
export function exportOpenFlowAsTimbalAgent(): void {
  const { flow } = openFlow();
  const result = exportTimbalAgent(flow);
  if (!result.ok) throw new Error(result.reasons.join(" "));
  downloadText(timbalAgentFileName(flow), result.source, "text/x-python");
}
