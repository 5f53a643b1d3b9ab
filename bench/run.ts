/**
 * `npm run bench` (add `-- --no-build` to measure the existing dist/ instead of building fresh).
 *
 * Measurements, not tests: it prints one table of figures against the budgets from the issue
 * and exits 1 when any figure is OVER, 0 otherwise. Progress goes to stderr, the table to stdout.
 *
 * - initial JS: the scripts index.html loads or preloads, gzipped at level 9 and summed, from a
 *   fresh `vite build` into .bench/dist; "AI SDK in first page" must say "no" (the hosted
 *   providers load lazily). "unknown" means the marker strings were found in no chunk at all,
 *   so the check proved nothing and the markers in bundleSize.ts need updating. Budget: at most
 *   160 KB, also checked by `npm run check:size` in `npm test`. "first ... call fetches": what
 *   the first call to each hosted provider downloads (the AI SDK core, that provider's own
 *   chunk and what they import, less the first page), for context.
 * - engine ... per node: wall time of one run divided by its node count, median of 7 runs after
 *   2 warm-ups, each run continuing the previous one's conversation. Echo provider, every LLM
 *   node with its own memory (window 5); "in-memory" is InMemorySaver, "IndexedDB" is the app's
 *   saver over fake-indexeddb (an in-process stand-in, not a browser's disk). A note such as
 *   "(median of 1 run)" means the scenario hit its time cap and had fewer samples.
 * - window read: what an LLM with a window of 5 reads back (readBack of exactly 5 messages)
 *   from logs of 10, 1,000 and 100,000 messages. The 100,000 / 10 ratio shows whether reads
 *   stay O(window) as history grows.
 * - canvas (skip with `-- --no-canvas`, it takes a minute or two): a 1,000-node flow (input →
 *   998 LLM nodes with memory badges → output, 999 edges) opened in the app, against the same
 *   chain of 1,000 default nodes on a bare React Flow page (the library alone, minimap and
 *   controls), in headless Chromium at 1280x800, each sample a fresh browser context. "open"
 *   runs from navigation start to the frame after React Flow has measured every node and nothing
 *   has changed for 1 s; "fps" counts animation frames while the pointer, moved 60 times a
 *   second as a mouse would, drags the pane, then a node, for 2 s. The budgets are ratios to the
 *   bare page measured in the same run: open at most 1.25x, frame rates at least 0.8x. Each page
 *   is measured as it is (the app's canvas is smaller, beside its panels, and each fits the view
 *   its own way); the last two rows give each canvas's size, zoom and nodes on screen.
 * - flow files: import and export of the same 1,000-node flow through the app as built, in
 *   headless Chromium: export from the click on "Export flow" to the download, import from the
 *   file being chosen to the frame after its preview (every check of readFlowFile included) is
 *   drawn; median of 7 after a warm-up (see flowFiles.ts). Budget: under 300 ms each.
 * - backup: a backup of 100 flows, 1,000 runs and a 10,000-message conversation, written, then
 *   read as the restore dialog reads it (JSON, every record, the references) with a pause for
 *   the page every 8 ms of checking, and restored in one transaction (fake-indexeddb). Budget:
 *   longest stretch without a pause at most 100 ms (the first is JSON.parse of the whole text).
 * - streaming (skip with `-- --no-streaming`, about 30 s): the mock LLM server streams a reply of
 *   500 one-word chunks at 200 a second to the app's chat (the starter flow's chat_llm pointed at
 *   it) and to a bare page that appends each delta to a div, in headless Chromium, each sample a
 *   fresh browser context, 3 samples per page in alternating order. In each page a benchmark-only
 *   init script tees the response body to time each chunk's arrival, and a MutationObserver
 *   notes when its text is in the reply; "token→screen" runs from the arrival to the animation
 *   frame after that, just before it is painted. Budgets: the app's median at most 16 ms (one
 *   frame) over the bare page's, and no long task (over 50 ms) in any app sample while streaming.
 * - hostile input (skip with `-- --no-hostile`): the longest main-thread task (PerformanceObserver
 *   "longtask") in headless Chromium on the built app while a 1 MB reply streams in 512-character
 *   chunks from the mock LLM server and shows; and while a 50,000-node chain is imported from a
 *   file (preview and Import) and reopened after a reload. Budget: under 200 ms each. Two figures
 *   without a budget: the time from choosing the file, and from the reload, until the flow is
 *   usable (open, its nodes drawn, the chat's message box there).
 * Timings vary between machines and runs; compare figures from the same machine.
 */
import { backupRestoreRows } from "./backupRestore";
import { bundleRows } from "./bundleSize";
import { canvasRows } from "./canvas/canvasBench";
import { engineOverheadRows } from "./engineOverhead";
import { flowFilesRows } from "./flowFiles";
import { hostileRows } from "./hostile/hostileBench";
import { progress } from "./stats";
import { streamingRows } from "./streaming/streamingBench";
import { exitCodeOf, infoRow, printTable, type Row } from "./table";
import { windowReadRows } from "./windowRead";

/** A section that crashes still gets a row, so the table always prints and the run fails. */
async function section(name: string, measure: () => Row[] | Promise<Row[]>): Promise<Row[]> {
  try {
    return await measure();
  } catch (error) {
    progress(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    const message = error instanceof Error ? error.message : String(error);
    return [infoRow(name, `failed: ${message.split("\n")[0]}`, false)];
  }
}

const build = !process.argv.includes("--no-build");
const canvas = !process.argv.includes("--no-canvas");
const streaming = !process.argv.includes("--no-streaming");
const hostile = !process.argv.includes("--no-hostile");
const started = performance.now();
const rows = [
  ...(await section("initial JS", () => bundleRows({ build, providerCalls: true }))),
  ...(await section("engine overhead", engineOverheadRows)),
  ...(await section("window read", windowReadRows)),
  ...(await section("flow files", () => flowFilesRows({ build }))),
  ...(await section("backup", backupRestoreRows)),
  ...(streaming ? await section("streaming", () => streamingRows({ build })) : []),
  ...(canvas ? await section("canvas", () => canvasRows({ build })) : []),
  ...(hostile ? await section("hostile input", () => hostileRows({ build })) : []),
];
progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
printTable(rows);
process.exitCode = exitCodeOf(rows);
