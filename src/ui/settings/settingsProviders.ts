/** Why a typed base URL cannot be used, or null (empty is fine: the default, or the node's). */
export function baseUrlProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  try {
    const { protocol } = new URL(trimmed);
    if (protocol === "http:" || protocol === "https:") return null;
  } catch {
    // Not a URL at all: the same answer as a wrong scheme.
  }
  return "Use an http:// or https:// address.";
}
