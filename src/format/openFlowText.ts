import { FLOW_SCHEMA, FLOW_VERSION } from "../engine/flow";
import { DEFAULT_MAX_BYTES, textTooLarge } from "./fileSize";
import { type FlowFileError, fileError } from "./flowFileErrors";
import { parseJson } from "./jsonSyntax";
import { migrate, type RawFile } from "./migrations";

/*
 * The stages every flow text goes through before validation, in order: size, JSON, nesting
 * depth, the schema marker, then the version, which picks the reader. Versions are never
 * guessed by trying readers in turn: an older file is migrated step by step, a newer one refused.
 */

export type Stage<T> = { ok: true; value: T } | { ok: false; errors: FlowFileError[] };

const fail = (message: string, path = ""): { ok: false; errors: FlowFileError[] } => ({
  ok: false,
  errors: [fileError(path, message)],
});

/** Deeper than any flow needs; it stops a hostile file from overflowing recursive code. */
export const MAX_DEPTH = 100;

export function parseFlowText(text: string, maxBytes = DEFAULT_MAX_BYTES): Stage<unknown> {
  const tooLarge = textTooLarge(text, maxBytes);
  if (tooLarge) return { ok: false, errors: [tooLarge] };
  const parsed = parseJson(text);
  if (!parsed.ok) return fail(parsed.message);
  if (depthExceeds(parsed.value, MAX_DEPTH)) {
    return fail(
      `Values in this file are nested more than ${MAX_DEPTH} levels deep; a flow file never needs that.`,
    );
  }
  return { ok: true, value: parsed.value };
}

/** Iterative, so the check itself cannot overflow the stack it protects. */
export function depthExceeds(root: unknown, limit: number): boolean {
  const todo: [unknown, number][] = [[root, 1]];
  while (todo.length > 0) {
    const [value, depth] = todo.pop() as [unknown, number];
    if (value === null || typeof value !== "object") continue;
    if (depth > limit) return true;
    for (const child of Object.values(value)) todo.push([child, depth + 1]);
  }
  return false;
}

export const NOT_A_FLOW = `This is not an LLM Flow Studio flow file (no "schema": "${FLOW_SCHEMA}").`;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

export const hasFlowMarker = (v: unknown): v is RawFile => isRecord(v) && v.schema === FLOW_SCHEMA;

export interface CurrentFile {
  file: RawFile;
  /** Set when the file was older and went through migration steps. */
  migratedFrom?: number;
  /** The names of the steps applied, oldest first. */
  steps: string[];
}

/** Reads the version first and brings the file to the current version, or says why not. */
export function toCurrentVersion(file: RawFile): Stage<CurrentFile> {
  const version = file.version;
  if (version === undefined) {
    return fail(`is required: this app reads flow files up to version ${FLOW_VERSION}`, "version");
  }
  if (typeof version !== "number" || !Number.isInteger(version)) {
    return fail(`must be a whole number (this app reads up to version ${FLOW_VERSION})`, "version");
  }
  if (version > FLOW_VERSION) {
    return fail(
      `This flow file is version ${version}; this app reads up to version ${FLOW_VERSION}. Update the app to open it.`,
      "version",
    );
  }
  if (version === FLOW_VERSION) return { ok: true, value: { file, steps: [] } };
  const migrated = migrate(file, version);
  if (!migrated.ok) return fail(migrated.message, "version");
  return {
    ok: true,
    value: { file: migrated.file, migratedFrom: version, steps: migrated.steps },
  };
}
