/**
 * The one place that turns what IndexedDB threw into a reason a user can act on. Loaded when
 * a write first fails (not with the first page): the store hands it every rejected write and
 * shows what it returns; anything it does not recognise (a revision conflict, a missing
 * record) is not a storage failure and is left to the code that asked.
 */

/** full: the quota is used up; closed: the connection is gone; broken: the browser could not write. */
export type StorageFailureKind = "full" | "closed" | "broken" | "cancelled";

export interface StorageFailure {
  kind: StorageFailureKind;
  /** The DOMException's name, for the technical line. */
  name: string;
  /** A sentence for the user, without the usage figures (see `fullReason`). */
  reason: string;
}

const REASONS: Record<string, [StorageFailureKind, string]> = {
  QuotaExceededError: ["full", "Storage is full"],
  InvalidStateError: [
    "closed",
    "The connection to this browser's storage was closed (site data cleared, or the app updated in another tab)",
  ],
  TransactionInactiveError: ["closed", "The browser closed the write before it finished"],
  UnknownError: [
    "broken",
    "The browser could not write to its storage (a disk error, or site data being cleared)",
  ],
  ReadOnlyError: ["broken", "The browser only allows reading its storage right now"],
  AbortError: ["cancelled", "The browser cancelled the write (often because storage is full)"],
};

/**
 * The storage failure behind `error` (itself or any `cause` it wraps: the saver wraps the
 * DOMException in a message naming the run), or null when it is not one.
 */
export function storageFailureOf(error: unknown): StorageFailure | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    const name = (current as { name?: unknown }).name;
    // Our own NotFoundError/RevisionConflictError share no name with the list: never matched.
    const known = typeof name === "string" ? REASONS[name] : undefined;
    if (known) return { kind: known[0], name: name as string, reason: known[1] };
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

const MB = 1024 * 1024;

/** "48 MB", "0.4 MB": one decimal below 10 MB. */
export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb.toLocaleString("en", { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}

/** "Storage is full: 48 MB of 50 MB used", or without figures when the browser gave none. */
export function fullReason(usage: { usage: number; quota: number } | null): string {
  return usage
    ? `Storage is full: ${megabytes(usage.usage)} of ${megabytes(usage.quota)} used`
    : "Storage is full";
}

/** The reason shown for a failed write, figures included when storage is full. */
export function failureReason(
  failure: StorageFailure,
  usage: { usage: number; quota: number } | null,
): string {
  return failure.kind === "full" ? fullReason(usage) : failure.reason;
}
