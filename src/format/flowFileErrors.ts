/**
 * One reason a file was refused. `path` says where, in the file's own terms
 * (`nodes[3].config.memoryWindowSize`, `edges[0].target`, `version`), or is "" for the
 * whole file; `message` says what is wrong in words, to show next to it.
 */
export interface FlowFileError {
  path: string;
  message: string;
}

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ["nodes", 3, "config", "memoryWindowSize"] → "nodes[3].config.memoryWindowSize". */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    // Keys a user typed can hold anything; quoting keeps the path readable and unambiguous.
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** "path: message", or the message alone for the whole file: the form a list shows. */
export function formatFlowFileError(error: FlowFileError): string {
  return error.path === "" ? error.message : `${error.path}: ${error.message}`;
}

export const fileError = (path: string, message: string): FlowFileError => ({ path, message });

/** A long list helps nobody: the first few, then how many more. */
export const MAX_ERRORS = 50;

export function capErrors(errors: FlowFileError[]): FlowFileError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const more = errors.length - MAX_ERRORS;
  return [
    ...errors.slice(0, MAX_ERRORS),
    fileError("", `…and ${more} more problem${more === 1 ? "" : "s"}.`),
  ];
}

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** Zod's issues as FlowFileErrors (symbol keys never occur in parsed JSON). */
export function issuesToErrors(issues: readonly IssueLike[]): FlowFileError[] {
  return issues.map((issue) =>
    fileError(
      formatPath(issue.path.map((s) => (typeof s === "symbol" ? String(s) : s))),
      issue.message,
    ),
  );
}
