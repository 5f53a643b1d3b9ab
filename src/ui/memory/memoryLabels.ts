/** The window size in a user's words: empty = all, 0 = no history, N = the last N. */
export function windowLabel(size: number | null | undefined): string {
  if (size === null || size === undefined) return "all messages";
  if (size === 0) return "no history";
  return `last ${size} message${size === 1 ? "" : "s"}`;
}

/** A token budget in a user's words: "≤ 300 tokens"; null without one. */
export function budgetLabel(tokens: number | null | undefined): string | null {
  if (tokens === null || tokens === undefined) return null;
  return `≤ ${tokens.toLocaleString("en")} token${tokens === 1 ? "" : "s"}`;
}

/** The window and the budget in a user's words: "last 5 messages, ≤ 300 tokens". */
export function windowAndBudgetLabel(size: number | null, tokens: number | null): string {
  const budget = budgetLabel(tokens);
  return budget ? `${windowLabel(size)}, ${budget}` : windowLabel(size);
}

/** Parses the token budget field: "" is none; anything else must be a whole number ≥ 1. */
export function parseTokenBudget(text: string): { value: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null };
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1)
    return { error: "Use a whole number ≥ 1, or leave empty for no token budget." };
  return { value: Number(trimmed) };
}

/** Parses the window field: "" is unlimited; anything else must be a whole number ≥ 0. */
export function parseWindowSize(text: string): { value: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null };
  if (!/^\d+$/.test(trimmed))
    return { error: "Use a whole number ≥ 0, or leave empty for all messages." };
  return { value: Number(trimmed) };
}
