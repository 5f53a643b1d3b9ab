/**
 * Model output is untrusted: a reply can carry `javascript:` or `data:` links, or a relative
 * link that would open this app with attacker-chosen state. Only absolute web and mail links
 * survive; everything else loses its address and shows as plain text.
 */
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The link's normalised address when it is safe to follow, else null. */
export function safeUrl(url: string): string | null {
  let parsed: URL;
  try {
    // No base: a relative or protocol-relative address throws and is refused.
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
}
