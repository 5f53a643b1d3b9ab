/**
 * Runs `work` inside `tx` and settles only once the transaction has: if `work` throws,
 * the transaction is aborted so nothing it wrote lands. `work` must await only requests of
 * `tx`: awaiting anything else lets IndexedDB auto-commit the transaction half done.
 */
export async function inTransaction<T>(
  tx: { abort(): void; done: Promise<void> },
  work: () => Promise<T>,
): Promise<T> {
  // Handled from the start: a request failing while `work` awaits another aborts the
  // transaction before anyone awaits `done`, which would otherwise be an unhandled rejection.
  tx.done.catch(() => {});
  let result: T;
  try {
    result = await work();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failing request: the abort we wanted has happened.
    }
    await tx.done.catch(() => {});
    throw error;
  }
  await tx.done;
  return result;
}
