import { isHttpUrl } from "../../engine/url";

/** Why a typed base URL cannot be used, or null (empty is fine: the default, or the node's). */
export function baseUrlProblem(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" || isHttpUrl(trimmed) ? null : "Use an http:// or https:// address.";
}
