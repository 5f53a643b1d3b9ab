/**
 * `npm run check:size`, after `npm run build`: fails when the first page's JavaScript (what
 * dist/index.html loads or preloads, gzipped) is over its budget, or the AI SDK leaked into it.
 * The same measure as the bench's "initial JS" rows (bench/bundleSize.ts), on the build as it
 * is, so it takes a second. Prints each figure beside its budget.
 */
import { bundleRows } from "../bench/bundleSize";
import { exitCodeOf, printTable } from "../bench/table";

const rows = bundleRows({ build: false });
printTable(rows);
process.exitCode = exitCodeOf(rows);
if (process.exitCode !== 0) {
  console.error(
    "check:size: over budget. Move what the first screen does not need behind import().",
  );
}
