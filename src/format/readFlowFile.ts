import type { Flow } from "../engine/flow";
import { capErrors, type FlowFileError, fileError, issuesToErrors } from "./flowFileErrors";
import { flowFileSchema } from "./flowSchema";
import { hasFlowMarker, NOT_A_FLOW, parseFlowText, toCurrentVersion } from "./openFlowText";
import { runMapKeysAreNames, withoutSecrets } from "./secrets";
import { semanticErrors } from "./semanticErrors";

export interface ReadFlowFileOptions {
  /** Refuse texts larger than this many UTF-8 bytes; default 10 MB. */
  maxBytes?: number;
}

export type ReadFlowFileResult =
  | {
      ok: true;
      flow: Flow;
      /** Things to tell the user that do not stop the import (shared-memory hints, upgrades, removed secrets). */
      warnings: string[];
      /** The file's version, when it was older and has been migrated. */
      migratedFrom?: number;
      /** The optional conversations section, as written (secrets removed), kept out of `flow`. */
      conversations?: unknown;
    }
  | { ok: false; errors: FlowFileError[] };

/**
 * Reads a flow file's text: size, JSON, marker, version (migrating older files), the schema,
 * then the engine's own checks. Never throws: anything wrong comes back as `errors`.
 */
export function readFlowFile(text: string, options: ReadFlowFileOptions = {}): ReadFlowFileResult {
  try {
    return read(text, options);
  } catch (error) {
    // A bug of ours must not take the page down with it; the user still gets a sentence.
    return {
      ok: false,
      errors: [fileError("", `Could not read this file: ${errorMessage(error)}`)],
    };
  }
}

function read(text: string, options: ReadFlowFileOptions): ReadFlowFileResult {
  const parsed = parseFlowText(text, options.maxBytes);
  if (!parsed.ok) return parsed;
  if (!hasFlowMarker(parsed.value)) return { ok: false, errors: [fileError("", NOT_A_FLOW)] };

  const current = toCurrentVersion(parsed.value);
  if (!current.ok) return current;
  const { file, migratedFrom, steps } = current.value;

  const checked = flowFileSchema.safeParse(file);
  if (!checked.success)
    return { ok: false, errors: capErrors(issuesToErrors(checked.error.issues)) };

  const removed: string[] = [];
  const { conversations, ...rest } = withoutSecrets(
    checked.data,
    removed,
    [],
    // In the conversations section, a run's maps keyed by memory or node id keep every name.
    (path) => path[0] === "conversations" && runMapKeysAreNames(path),
  ) as typeof checked.data;
  // The schema checked every field the engine reads; ids are branded types only in TypeScript.
  const flow = rest as unknown as Flow;

  const problems = semanticErrors(flow);
  if (problems.errors.length > 0) return { ok: false, errors: capErrors(problems.errors) };

  const warnings = [
    ...steps.map((name) => `Upgraded this file from an older format (${name}).`),
    ...removed.map(
      (path) =>
        `Left out ${path}: flow files never carry keys or passwords; enter keys in Settings.`,
    ),
    ...problems.warnings,
  ];
  return {
    ok: true,
    flow,
    warnings,
    ...(migratedFrom !== undefined && { migratedFrom }),
    ...(conversations !== undefined && { conversations }),
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
