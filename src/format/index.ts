/*
 * Flow files: what the UI calls to import, export, copy, paste and preview flows. Pure
 * TypeScript (no React, DOM or IndexedDB), so it runs the same in the browser and in tests.
 */
export { exportTimbalPython } from "./exportTimbalPython";
export { flowFileName, timbalPythonFileName } from "./fileNames";
export { DEFAULT_MAX_BYTES, flowFileTooLarge } from "./fileSize";
export { type FlowFileError, formatFlowFileError } from "./flowFileErrors";
export { type FlowFileSummary, flowFileSummary } from "./flowFileSummary";
export { flowFileSchema } from "./flowSchema";
export { flowJsonSchema } from "./jsonSchema";
export { MIGRATIONS } from "./migrations";
export { type ReadFlowFileOptions, type ReadFlowFileResult, readFlowFile } from "./readFlowFile";
export { type ReadFlowFragmentResult, readFlowFragment } from "./readFlowFragment";
export { isSecretKey } from "./secrets";
export {
  type FlowFileConversations,
  type WriteFlowFileOptions,
  writeFlowFile,
  writeFlowFragment,
} from "./writeFlowFile";
