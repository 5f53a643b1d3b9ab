/** One line of the benchmark table: a measured figure against its budget. */
export interface Row {
  figure: string;
  value: string;
  budget: string;
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

/** Prints the rows as a plain aligned table, so it reads the same in a terminal and in CI logs. */
export function printTable(rows: readonly Row[]): void {
  const cells = rows.map((r) => [r.figure, r.value, r.budget, r.ok ? "ok" : "OVER"]);
  const all = [[...HEADER], ...cells];
  const widths = HEADER.map((_, i) => Math.max(...all.map((line) => (line[i] ?? "").length)));
  const format = (line: readonly string[]) =>
    line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ");
  console.log(format(HEADER));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const line of cells) console.log(format(line));
}
