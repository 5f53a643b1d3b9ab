import type { Flow } from "../../engine/flow";
import {
  DEFAULT_MAX_BYTES,
  type FlowFileError,
  type FlowFileSummary,
  flowFileSummary,
  flowFileTooLarge,
  readFlowFile,
} from "../../format";

/** What the import dialog shows: the flow to confirm, or why the file cannot be imported. */
export type FlowImport =
  | {
      kind: "preview";
      fileName: string;
      flow: Flow;
      summary: FlowFileSummary;
      warnings: string[];
      migratedFrom?: number;
      /** The file carries conversations: the dialog says they stay behind. */
      hasConversations: boolean;
    }
  | { kind: "refused"; fileName: string; errors: FlowFileError[] };

/** The part of a File this needs: tests pass plain objects. */
export interface ImportFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

const refused = (fileName: string, errors: FlowFileError[]): FlowImport => ({
  kind: "refused",
  fileName,
  errors,
});

/**
 * Reads and checks a chosen or dropped file; saves nothing. The size is checked before the
 * text is read, so a huge file is refused without being loaded into memory.
 */
export async function readImportFile(file: ImportFile): Promise<FlowImport> {
  const tooLarge = flowFileTooLarge(file.size, DEFAULT_MAX_BYTES);
  if (tooLarge) return refused(file.name, [tooLarge]);
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return refused(file.name, [{ path: "", message: `Could not read the file: ${why}` }]);
  }
  const result = readFlowFile(text, { maxBytes: DEFAULT_MAX_BYTES });
  if (!result.ok) return refused(file.name, result.errors);
  return {
    kind: "preview",
    fileName: file.name,
    flow: result.flow,
    summary: flowFileSummary(result.flow),
    warnings: result.warnings,
    ...(result.migratedFrom !== undefined && { migratedFrom: result.migratedFrom }),
    hasConversations: result.conversations !== undefined,
  };
}
