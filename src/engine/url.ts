/**
 * Whether `value` is an absolute http:// or https:// address: the only kind a provider's base
 * URL may be (a fetch to file:, data: or javascript: would fail, or worse). Anything that is not
 * a string, or that the URL parser refuses, is not one.
 */
export function isHttpUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** The origin (scheme://host:port) of an http(s) address, or undefined for anything else. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
