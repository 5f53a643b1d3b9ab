/** Above this share of the quota, Settings warns that saving may soon fail. */
export const NEARLY_FULL = 0.8;

const MB = 1024 * 1024;

/** Bytes as megabytes: one decimal below 10 MB, whole numbers above ("0.4 MB", "1,024 MB"). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  const digits = mb < 10 ? 1 : 0;
  return `${mb.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits })} MB`;
}

/** The share of the quota in use, or null when the browser gave no quota. */
export function usageShare(usage: number, quota: number): number | null {
  return quota > 0 ? usage / quota : null;
}

export function isNearlyFull(usage: number, quota: number): boolean {
  const share = usageShare(usage, quota);
  return share !== null && share > NEARLY_FULL;
}

/** "85%", or "<1%" so a small but non-zero use does not read as nothing. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.01) return "<1%";
  return `${Math.round(share * 100)}%`;
}
