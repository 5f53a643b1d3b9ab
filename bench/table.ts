/**
 * One line of the benchmark table: a measured figure, and its budget if it has one. `budget:
 * null` marks a figure shown for context: its status is "-", or "FAILED" if it could not be
 * measured. A row with a budget says "ok" or "OVER", and only `ok` decides which.
 */
export interface Row {
  figure: string;
  value: string;
  budget: string | null;
  ok: boolean;
}

const HEADER = ["figure", "value", "budget", "status"] as const;

/** A row for a number that must stay strictly below `limit`. */
export function belowRow(
  figure: string,
  value: number,
  limit: number,
  format: (n: number) => string,
): Row {
  return { figure, value: format(value), budget: `< ${format(limit)}`, ok: value < limit };
}

/** A row for a number that may reach `limit` but not exceed it. */
export function atMostRow(
  figure: string,
  value: number,
  limit: number,
  format: (n: number) => string,
): Row {
  return { figure, value: format(value), budget: `≤ ${format(limit)}`, ok: value <= limit };
}

/** A figure without a budget; `measured: false` when measuring it failed, which fails the run. */
export function infoRow(figure: string, value: string, measured = true): Row {
  return { figure, value, budget: null, ok: measured };
}

/** What the status column says: a budget's verdict, or "-" for a figure without one. */
export function statusOf(row: Row): "ok" | "OVER" | "-" | "FAILED" {
  if (row.budget === null) return row.ok ? "-" : "FAILED";
  return row.ok ? "ok" : "OVER";
}

/** The exit code of a run: 1 when any budget is over or any figure failed. */
export function exitCodeOf(rows: readonly Row[]): 0 | 1 {
  return rows.every((row) => row.ok) ? 0 : 1;
}

/** Prints the rows as a plain aligned table, so it reads the same in a terminal and in CI logs. */
export function printTable(rows: readonly Row[]): void {
  const cells = rows.map((r) => [r.figure, r.value, r.budget ?? "-", statusOf(r)]);
  const all = [[...HEADER], ...cells];
  const widths = HEADER.map((_, i) => Math.max(...all.map((line) => (line[i] ?? "").length)));
  const format = (line: readonly string[]) =>
    line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ");
  console.log(format(HEADER));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const line of cells) console.log(format(line));
}
