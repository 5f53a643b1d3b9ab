/** The middle value: one slow sample (a GC pause, a busy core) does not move it. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error("median of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const formatMs = (ms: number): string =>
  ms >= 10
    ? `${ms.toFixed(1)} ms`
    : ms >= 0.1
      ? `${ms.toFixed(3)} ms`
      : `${(ms * 1000).toFixed(2)} µs`;

/**
 * A longest-task figure (PerformanceObserver "longtask"). The observer reports only tasks over
 * 50 ms, so 0 means none was: said so, not printed as a duration of zero.
 */
export const formatTask = (ms: number): string => (ms > 0 ? formatMs(ms) : "none > 50 ms");

export const formatRatio = (r: number): string => `${r.toFixed(2)}x`;

export const formatBytes = (bytes: number): string =>
  `${bytes.toLocaleString("en-US")} B (${(bytes / 1024).toFixed(1)} KB)`;

/** Progress goes to stderr so stdout holds only the table. */
export const progress = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};
