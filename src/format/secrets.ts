import { formatPath, type PathSegment } from "./flowFileErrors";

/*
 * A flow file is made to be shared, so it never carries a secret (docs/flow-format.md). Keys
 * live in Settings, never in a flow; but a file edited by hand, or a field a future build
 * adds, could hold one anywhere, so every key of every object is checked, unknown fields
 * included, and a secret-looking one is dropped with its value.
 */

/** Key names, lower-cased with `-` and `_` removed, that hold secrets. */
const SECRET_KEYS = new Set([
  "apikey", // apiKey, api_key, api-key, API_KEY
  "xapikey", // x-api-key (Anthropic's header name)
  "authorization",
  "password",
  "secret",
  "clientsecret",
  "token",
  "accesstoken",
  "refreshtoken",
]);

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ""));
}

/**
 * A copy of `value` without secret keys, at any depth. `removed` receives the path of each
 * key dropped, so the caller can say what was left out. `keysAreNames(path)` marks objects
 * whose keys are names the user chose (a run's memory heads, keyed by memory id): a memory
 * called "token" is not a secret, so their keys stay (their values are still checked).
 */
export function withoutSecrets(
  value: unknown,
  removed: string[] = [],
  path: PathSegment[] = [],
  keysAreNames: (path: readonly PathSegment[]) => boolean = () => false,
): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => withoutSecrets(item, removed, [...path, i], keysAreNames));
  }
  if (value !== null && typeof value === "object") {
    const entries: [string, unknown][] = [];
    const names = keysAreNames(path);
    for (const [key, item] of Object.entries(value)) {
      if (!names && isSecretKey(key)) removed.push(formatPath([...path, key]));
      else entries.push([key, withoutSecrets(item, removed, [...path, key], keysAreNames)]);
    }
    // fromEntries defines own properties, so a "__proto__" key stays data, never a prototype.
    return Object.fromEntries(entries);
  }
  return value;
}

/** A run record's maps keyed by names the user chose: memory ids, output node ids. */
const RUN_NAME_MAPS = new Set<PathSegment>(["outputs", "appended", "memoryHeads"]);

/**
 * For withoutSecrets over runs (a backup's, or a flow file's conversations section): true at
 * `…runs[i].outputs`, `…runs[i].appended` and `…runs[i].memoryHeads`, whose keys are names.
 */
export function runMapKeysAreNames(path: readonly PathSegment[]): boolean {
  return (
    path.length >= 3 &&
    typeof path.at(-2) === "number" &&
    ((path.at(-3) === "runs" && RUN_NAME_MAPS.has(path.at(-1) as PathSegment)) ||
      // A backup's flow memory heads (version 2) are keyed by memory ids too.
      (path.at(-3) === "flowMemoryHeads" && path.at(-1) === "heads"))
  );
}
