/** The window size in a user's words: empty = all, 0 = no history, N = the last N. */
export function windowLabel(size: number | null | undefined): string {
  if (size === null || size === undefined) return "all messages";
  if (size === 0) return "no history";
  return `last ${size} message${size === 1 ? "" : "s"}`;
}

/** Parses the window field: "" is unlimited; anything else must be a whole number ≥ 0. */
export function parseWindowSize(text: string): { value: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null };
  if (!/^\d+$/.test(trimmed))
    return { error: "Use a whole number ≥ 0, or leave empty for all messages." };
  return { value: Number(trimmed) };
}
