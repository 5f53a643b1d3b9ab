/**
 * `npm run bench` (add `-- --no-build` to measure the existing dist/ instead of building fresh).
 * Name cases to run them alone: `npm run bench -- soak`, `npm run bench -- load backup` (size,
 * engine, window, flow-files, backup, load, streaming, canvas, hostile, soak); `--no-<case>`
 * skips one in a whole run. The browser cases share one fresh `vite build` per run.
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
 *   stay O(window) as history grows; a token budget of 400 tokens (no window) reads at most
 *   100 messages whatever the log, so its 100,000 / 1,000 ratio stays under 2.
 * - canvas (skip with `-- --no-canvas`, a few minutes): flows of 100, 1,000 and 5,000 nodes
 *   (input → LLM nodes with memory badges → output, in a chain on a snake) opened in the app,
 *   against the same chains on a bare React Flow page in the library's best configuration
 *   (bench/canvas/bare: onlyRenderVisibleElements, a memoized node component, the app's fit view
 *   options), drawn at the app's canvas size at the 1280x800 viewport (taken from a warm-up
 *   sample of the app), in headless Chromium, each sample a fresh browser context, up to 5 per
 *   page and flow in alternating order. The app draws the nodes around its view itself
 *   (src/ui/canvas/window/), the bare page relies on onlyRenderVisibleElements. "open" runs from
 *   navigation start to the frame after React Flow has measured every node it draws and nothing
 *   has changed for 1 s; "fps" counts animation frames while the pointer, moved 60 times a
 *   second as a mouse would, drags the pane, then a node, for 2 s. The budgets (issue 11) are
 *   ratios of medians to the bare page measured in the same run: open at most 1.1x, frame rates
 *   at least 0.9x. Each flow's "view at open" row gives both canvases' size, zoom and nodes on
 *   screen, and fails when the sizes differ. BENCH_CANVAS_NODES="100" measures chosen sizes.
 * - flow files: import and export of the same 1,000-node flow through the app as built, in
 *   headless Chromium: export from the click on "Export flow" to the download, import from the
 *   file being chosen to the frame after its preview (every check of readFlowFile included) is
 *   drawn; median of 7 after a warm-up (see flowFiles.ts). Budget: under 300 ms each.
 * - backup (Node): a backup of 100 flows, 1,000 runs and a 10,000-message conversation (its flow
 *   saved last, so a restore opens it), written, then
 *   read as the restore dialog reads it (JSON, every record, the references) with a pause for
 *   the page every 8 ms of checking, and restored in one transaction (fake-indexeddb). Budget:
 *   longest stretch without a pause at most 100 ms (the first is JSON.parse of the whole text).
 * - backup in Chromium: the same backup restored through the built app's "Restore backup…", as a
 *   user would, each of 3 samples in a fresh browser context (bench/load/loadBench.ts): preview
 *   from the file being chosen to the frame after the dialog shows its counts (budget 1 s),
 *   restore from the click on Restore to the frame after the dialog closed and the restored
 *   flow is open on its 10,000-message conversation, last reply on screen (budget 3 s), and the
 *   longest main-thread task (PerformanceObserver "longtask", only tasks over 50 ms exist, so
 *   "none > 50 ms") from the start of each to 1 s after it: at most 200 ms, issue 10's budget.
 *   Medians of 3. The file is chosen by path: a buffer would be decoded in the page by
 *   Playwright, a long task that is not the app's.
 * - load (about 20 s): the database filled by that restore (100 flows and the starter flow,
 *   1,000 runs, 10,000 messages; the counts are checked), then the page reloaded 5 times: from
 *   navigation start to the frame after the composer is there with the storage open and the
 *   big conversation's last reply is on screen in the chat (budget under 1 s, issue 9), and the
 *   longest task from navigation to 1 s after that (budget 200 ms). Medians of 5.
 * - soak (about 5 to 6 minutes; skip with `-- --no-soak`): 2,000 turns typed and sent in the
 *   built app in Chromium, the starter flow's LLM on the mock LLM server (real HTTP) with a
 *   memory window of 20 (bench/soak/). "requests exact": each request the server received held
 *   exactly the system prompt, the last 20 memory messages and the prompt (budget: all).
 *   "memory messages stored once": after the soak, IndexedDB holds 4,000 messages, none
 *   repeating another's role and text, each listed by the finished run that names it, one
 *   chain from the newest back to index 0 (bench/soak/soakChecks.ts, unit-tested). JS heap:
 *   used size after a forced GC (DevTools protocol) at turn 100 and 2,000. The store keeps
 *   every run of the open conversation (about 3 KB each), so the heap may grow with the turns;
 *   budget: at turn 2,000 at most twice turn 100's plus 4 MB; a leak of a turn's DOM, stream or
 *   listener (5 KB a turn or more) goes over it. Time per turn, p50 and p95, and p50 of the
 *   last 100 turns: from filling the box to the reply on screen and Send back, Playwright's
 *   round trips included (no budget).
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
 *   file (preview and Import) and reopened after a reload, and while one of its nodes is renamed
 *   in the inspector and the autosave stores the flow. Budget: under 200 ms each. Two figures
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
import { backupBrowserRows, loadRows } from "./load/loadBench";
import { soakRows } from "./soak/soakBench";
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

const args = process.argv.slice(2);
const build = !args.includes("--no-build");
/** Cases named on the command line (`npm run bench -- soak load`) run alone; none: every case. */
const chosen = args.filter((arg) => !arg.startsWith("--"));
const skipped = (name: string) => args.includes(`--no-${name}`);

/** Every case, by the name that runs it alone; the slow browser ones can be skipped by flag. */
const CASES: [name: string, measure: () => Row[] | Promise<Row[]>][] = [
  ["size", () => bundleRows({ build, providerCalls: true })],
  ["engine", engineOverheadRows],
  ["window", windowReadRows],
  ["flow-files", () => flowFilesRows({ build })],
  ["backup", async () => [...(await backupRestoreRows()), ...(await backupBrowserRows({ build }))]],
  ["load", () => loadRows({ build })],
  ["streaming", () => streamingRows({ build })],
  ["canvas", () => canvasRows({ build })],
  ["hostile", () => hostileRows({ build })],
  ["soak", () => soakRows({ build })],
];
const unknown = chosen.filter((name) => !CASES.some(([known]) => known === name));
if (unknown.length > 0) {
  progress(`unknown case ${unknown.join(", ")}; the cases are ${CASES.map(([n]) => n).join(", ")}`);
  process.exit(2);
}

const started = performance.now();
const rows: Row[] = [];
for (const [name, measure] of CASES) {
  const wanted = chosen.length > 0 ? chosen.includes(name) : !skipped(name);
  if (wanted) rows.push(...(await section(name, measure)));
}
progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
printTable(rows);
process.exitCode = exitCodeOf(rows);
