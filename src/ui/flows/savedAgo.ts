const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

const WEEK = 7 * 86_400_000;

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

/** "Saved 5 minutes ago": tells apart flows whose names are alike. */
export function savedAgo(updatedAt: number, now: number): string {
  const elapsed = Math.max(0, now - updatedAt);
  if (elapsed >= WEEK) return `Saved ${new Date(updatedAt).toLocaleDateString()}`;
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return `Saved ${relative.format(-Math.floor(elapsed / ms), unit)}`;
  }
  return "Saved just now";
}
