/**
 * Stored data contradicts itself (a link to a record that is not there, a loop). Distinct
 * from "not found" so the UI can offer an export or a reset instead of a retry.
 */
export class CorruptStorageError extends Error {
  override name = "CorruptStorageError";
}

/** Saving over a record another tab (or an older copy in this one) changed in between. */
export class RevisionConflictError extends Error {
  override name = "RevisionConflictError";
}

/** The record an update names does not exist (deleted in another tab, or a stale id). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}
