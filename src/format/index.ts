/*
 * Flow files: what the UI calls to import, export, copy, paste and preview flows. Pure
 * TypeScript (no React, DOM or IndexedDB), so it runs the same in the browser and in tests.
 * Only what callers outside src/format use is exported here (knip, in `npm run lint`,
 * reports an export nobody uses).
 */
export type { BackupContents } from "./backupContents";
export { exportTimbalAgent } from "./exportTimbalAgent";
export { exportTimbalPython } from "./exportTimbalPython";
export { flowFileName, timbalAgentFileName, timbalPythonFileName } from "./fileNames";
export { DEFAULT_MAX_BYTES, flowFileTooLarge } from "./fileSize";
export type { FlowFileError } from "./flowFileErrors";
export { type FlowFileSummary, flowFileSummary } from "./flowFileSummary";
export {
  BACKUP_MAX_BYTES,
  type BackupSummary,
  looksLikeBackup,
  readBackupFile,
  readFlowConversations,
} from "./readBackupFile";
export { readFlowFile } from "./readFlowFile";
export { readFlowFragment } from "./readFlowFragment";
export { writeBackupFile } from "./writeBackupFile";
export { writeFlowFile } from "./writeFlowFile";
