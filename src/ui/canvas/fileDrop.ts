/** A drag carrying files from the desktop or a file manager (not a palette item). */
export const isFileDrag = (dt: DataTransfer | null) =>
  !!dt && Array.from(dt.types).includes("Files");

/** The file dropped, or null. Only one flow is imported at a time: the first file. */
export function droppedFile(dt: DataTransfer | null): File | null {
  return dt?.files?.[0] ?? null;
}
