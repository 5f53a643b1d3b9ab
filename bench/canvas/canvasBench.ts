import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../test/chromium";
import { formatMs, formatRatio, median, progress } from "../stats";
import { infoRow, type Row } from "../table";
import { validBigFlow } from "./bigFlow";
import {
  type BenchWindow,
  type FrameCount,
  findDragPoint,
  findPanPoint,
  installProbe,
  NAME_SHIM,
  type OpenResult,
  type Point,
  type Reach,
  type SeedArgs,
  seedDatabase,
} from "./inPage";
import { checkSeedSchema, seedArgs } from "./seed";
import { BLANK_PATH, serveStatic } from "./server";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const VITE = join(ROOT, "node_modules", "vite", "bin", "vite.js");
/** Git-ignored. The app gets its own folder so this section never depends on another's build. */
const APP_OUT_DIR = ".bench/app";
const BARE_OUT_DIR = ".bench/bare";

const VIEWPORT = { width: 1280, height: 800 };
/** Samples per page; a round stops being started once TIME_CAP_MS has passed (at least one). */
const SAMPLES = 5;
const TIME_CAP_MS = 120_000;
const PROBE = { stableMs: 1000, noCanvasMs: 10_000, timeoutMs: 60_000 };
/** How long each gesture lasts, and how far the pointer strays on its figure eight. */
const GESTURE_MS = 2000;
const REACH: Reach = { dx: 100, dy: 50 };

/** Issue 11: the app opens in at most 1.1x the bare page's time, pans and drags at 0.9x its rate. */
const OPEN_BUDGET = 1.1;
const FPS_BUDGET = 0.9;

/** A figure from one sample, or why it could not be taken. */
type Measured = { ok: true; value: number } | { ok: false; error: string };

interface Sample {
  open: Measured;
  pan: Measured;
  drag: Measured;
  canvas: OpenResult["canvas"];
  view?: OpenResult["view"];
}

interface Target {
  /** Names the page in failures: "no canvas in the app". */
  label: string;
  url: string;
  /** Appended to the page's address: the bare page's flow size and canvas size. */
  query?: string;
  seed?: SeedArgs;
}

function viteBuild(args: string[]): void {
  execFileSync(process.execPath, [VITE, "build", ...args, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Whether this process has built the app into APP_OUT_DIR already: every section shares it. */
let appBuilt = false;

/** The app as shipped; with --no-build the existing dist/, as the bundle section measures. */
export function appDir(build: boolean): string {
  if (!build) return join(ROOT, "dist");
  if (!appBuilt) {
    progress(`vite build --outDir ${APP_OUT_DIR}`);
    viteBuild(["--outDir", APP_OUT_DIR]);
    appBuilt = true;
  }
  return join(ROOT, APP_OUT_DIR);
}

/** The bare page is not in dist/, so --no-build still builds it when there is none yet. */
function bareDir(build: boolean): string {
  const dir = join(ROOT, BARE_OUT_DIR);
  if (build || !existsSync(join(dir, "index.html"))) {
    progress(`canvas: vite build of the bare React Flow page into ${BARE_OUT_DIR}`);
    viteBuild(["--config", "bench/canvas/vite.bare.config.ts"]);
  }
  return dir;
}

const failed = (error: string): Measured => ({ ok: false, error });

/** Rejects after `ms`: a page that hangs (crashed renderer, dead tab) fails its sample. */
function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Presses at `start` and moves the pointer on a figure eight around it (one loop a second, as
 * a hand would wiggle a canvas) for GESTURE_MS, counting the page's animation frames meanwhile.
 *
 * Moves go out every ~16 ms without waiting for each to be handled, as a real mouse sends them:
 * Chromium acknowledges a move only once a frame has handled it, so awaiting each (as
 * page.mouse.move does) delivered a move every third or fourth frame, and a page that had to
 * redraw only that often looked faster than it is. Sent this way the browser coalesces them,
 * one per frame, and the view moves on nearly every frame.
 */
async function framesDuring(page: Page, start: Point, watch: string): Promise<FrameCount> {
  const cdp = await page.context().newCDPSession(page);
  const mouse = (type: "mouseMoved" | "mousePressed" | "mouseReleased", at: Point, held: boolean) =>
    cdp.send("Input.dispatchMouseEvent", {
      type,
      x: at.x,
      y: at.y,
      button: "left",
      buttons: held ? 1 : 0,
      clickCount: 1,
    });
  try {
    await mouse("mouseMoved", start, false);
    await page.evaluate((s) => (window as unknown as BenchWindow).__bench.startFrames(s), watch);
    await mouse("mousePressed", start, true);
    const moves: Promise<unknown>[] = [];
    const began = performance.now();
    for (let t = 0; t < GESTURE_MS; t = performance.now() - began) {
      const phase = (t / 1000) * 2 * Math.PI;
      const x = start.x + REACH.dx * Math.sin(phase);
      const y = start.y + REACH.dy * Math.sin(2 * phase);
      moves.push(mouse("mouseMoved", { x, y }, true));
      await sleep(16);
    }
    // Counted until the page has handled the last move, so a backlog counts against the page.
    await deadline(Promise.all(moves), 30_000, "handling the pointer moves");
    const count = await page.evaluate(() =>
      (window as unknown as BenchWindow).__bench.stopFrames(),
    );
    await mouse("mouseReleased", start, false);
    return count;
  } finally {
    await cdp.detach();
  }
}

/** Frames per second during a gesture; the progress line says on how many frames it moved. */
function fps(count: FrameCount, what: string): Measured {
  progress(
    `canvas:   ${what}: ${count.frames} frames in ${formatMs(count.ms)}, moved on ${count.moved}`,
  );
  if (count.moved === 0) return failed(`the ${what} moved nothing`);
  return { ok: true, value: count.frames / (count.ms / 1000) };
}

/** A sample that threw (a crashed tab, a hung page) fails its figures; the other samples go on. */
async function safeSample(browser: Browser, target: Target): Promise<Sample> {
  try {
    return await sample(browser, target);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    progress(`canvas: ${target.label}: sample failed: ${message}`);
    const failure = failed(message ?? "unknown");
    return { open: failure, pan: failure, drag: failure, canvas: null };
  }
}

/** One fresh browser context: open the page, pan the pane, drag a node. */
async function sample(browser: Browser, target: Target): Promise<Sample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const pageErrors: string[] = [];
  try {
    await context.addInitScript({
      content: `${NAME_SHIM}\n(${installProbe.toString()})(${JSON.stringify(PROBE)});`,
    });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    if (target.seed) {
      await page.goto(target.url + BLANK_PATH);
      await page.evaluate(seedDatabase, target.seed);
    }
    await page.goto(`${target.url}/${target.query ?? ""}`, { waitUntil: "commit" });
    const opened = await deadline(
      page.evaluate(() => (window as unknown as BenchWindow).__bench.opened),
      PROBE.timeoutMs + 10_000,
      "opening",
    );
    if (opened.openMs === undefined) {
      const why = opened.error?.startsWith("no canvas")
        ? `no canvas in the ${target.label}`
        : (opened.error ?? "unknown");
      const seen = opened.text ? ` The page showed: "${opened.text}"` : "";
      const errors = pageErrors.length > 0 ? ` Page error: ${pageErrors[0]}` : "";
      progress(`canvas: ${target.label}: ${why}.${seen}${errors}`);
      const error = failed(why);
      return { open: error, pan: error, drag: error, canvas: opened.canvas };
    }

    const panAt = await page.evaluate(findPanPoint, REACH);
    const pan = panAt
      ? fps(await framesDuring(page, panAt, ".react-flow__viewport"), "pan")
      : failed("no empty pane to grab");
    await sleep(300);
    const dragAt = await page.evaluate(findDragPoint, REACH);
    const drag = dragAt
      ? fps(
          await framesDuring(page, dragAt, `.react-flow__node[data-id="${dragAt.id}"]`),
          "node drag",
        )
      : failed("no node to grab");

    const shown = (m: Measured, unit: string) =>
      m.ok ? `${m.value.toFixed(1)} ${unit}` : `failed (${m.error})`;
    progress(
      `canvas: ${target.label}: open ${formatMs(opened.openMs)}, pan ${shown(pan, "fps")}, ` +
        `drag ${shown(drag, "fps")}; ${opened.nodes} nodes, ${opened.edges} edges, ` +
        `${opened.minimapNodes} minimap nodes in the DOM; ${describeView(opened)}`,
    );
    return {
      open: { ok: true, value: opened.openMs },
      pan,
      drag,
      canvas: opened.canvas,
      view: opened.view,
    };
  } finally {
    await context.close();
  }
}

/** "1280x800 px, zoom 0.50, 96 nodes on screen": what a page shows once open. */
function describeView(seen: Pick<OpenResult, "canvas" | "view">): string {
  const { canvas, view } = seen;
  const size = canvas ? `${canvas.width}x${canvas.height} px` : "no canvas";
  if (!view) return size;
  const zoom = view.zoom === null ? "zoom unknown" : `zoom ${view.zoom.toFixed(2)}`;
  return `${size}, ${zoom}, ${view.onScreen} nodes on screen`;
}

/** The median of every sample's figure, or the first failure: a figure that fails once fails. */
function combine(samples: readonly Measured[]): Measured {
  const bad = samples.find((m) => !m.ok);
  if (bad) return bad;
  if (samples.length === 0) return failed("not measured");
  return { ok: true, value: median(samples.map((m) => (m.ok ? m.value : 0))) };
}

const formatFps = (n: number) => `${n.toFixed(1)} fps`;

/** "1,000 nodes". */
const nodesLabel = (count: number) => `${count.toLocaleString("en")} nodes`;

/**
 * Two rows for one figure of one flow: both pages' medians, and the app's ratio to the bare
 * page against the budget (failed when either page could not be measured).
 */
function figureRows(
  name: string,
  key: "open" | "pan" | "drag",
  samples: { bare: readonly Sample[]; app: readonly Sample[] },
  format: (n: number) => string,
  budget: { limit: number; atMost: boolean },
): Row[] {
  const [bare, app] = [
    combine(samples.bare.map((s) => s[key])),
    combine(samples.app.map((s) => s[key])),
  ];
  const value = (m: Measured) => (m.ok ? format(m.value) : `failed: ${m.error}`);
  const medians = `median of ${samples.app.length} / ${samples.bare.length}`;
  const ratioFigure = `${name}, app / bare`;
  const ratioBudget = `${budget.atMost ? "≤" : "≥"} ${formatRatio(budget.limit)}`;
  let ratio: Row;
  if (bare.ok && app.ok) {
    const r = app.value / bare.value;
    const ok = budget.atMost ? r <= budget.limit : r >= budget.limit;
    ratio = { figure: ratioFigure, value: formatRatio(r), budget: ratioBudget, ok };
  } else {
    const error = app.ok ? "no figure for the bare page" : app.error;
    ratio = { figure: ratioFigure, value: `failed: ${error}`, budget: ratioBudget, ok: false };
  }
  return [
    infoRow(
      `${name}, app / bare (${medians})`,
      `${value(app)} / ${value(bare)}`,
      app.ok && bare.ok,
    ),
    ratio,
  ];
}

/** Canvases further apart than this (CSS px) are not the same size: the comparison is off. */
const SIZE_TOLERANCE_PX = 2;

/**
 * What each page showed once open. It fails when the two canvases differ in size, since the
 * ratios above would then compare different amounts of drawing.
 */
function viewRow(label: string, samples: { bare: readonly Sample[]; app: readonly Sample[] }) {
  const [bare, app] = [samples.bare.find((s) => s.canvas), samples.app.find((s) => s.canvas)];
  const value = `app ${app ? describeView(app) : "no canvas"}; bare ${bare ? describeView(bare) : "no canvas"}`;
  const same =
    !!app?.canvas &&
    !!bare?.canvas &&
    Math.abs(app.canvas.width - bare.canvas.width) <= SIZE_TOLERANCE_PX &&
    Math.abs(app.canvas.height - bare.canvas.height) <= SIZE_TOLERANCE_PX;
  return infoRow(`${label}, view at open`, same ? value : `canvas sizes differ: ${value}`, same);
}

/**
 * The flows measured: small, the largest that is not a "large flow" in the app, and a large
 * one (src/ui/canvas/largeFlow.ts). BENCH_CANVAS_NODES="100,5000" measures some alone.
 */
function flowSizes(): number[] {
  const asked = process.env.BENCH_CANVAS_NODES;
  if (!asked) return [100, 1000, 5000];
  const sizes = asked.split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) {
    throw new Error(`BENCH_CANVAS_NODES must list node counts of 2 or more, got "${asked}"`);
  }
  return sizes;
}

/**
 * The app's canvas size at VIEWPORT (beside its panels), from one app sample that also warms
 * the browser up: the bare page is then drawn at exactly that size.
 */
async function appCanvasSize(browser: Browser, target: Target) {
  const warmUp = await safeSample(browser, target);
  if (!warmUp.canvas) throw new Error("the app showed no canvas to take its size from");
  progress(`canvas: the app's canvas is ${warmUp.canvas.width}x${warmUp.canvas.height} px`);
  return warmUp.canvas;
}

/**
 * One flow of `count` nodes: samples of the app and of the bare page, alternating which goes
 * first, so neither always gets the warmer machine.
 */
async function measureFlow(
  browser: Browser,
  bareTarget: Target,
  appTarget: Target,
): Promise<{ bare: Sample[]; app: Sample[] }> {
  const bare: Sample[] = [];
  const app: Sample[] = [];
  let appHasNoCanvas = false;
  const started = performance.now();
  for (let round = 0; round < SAMPLES; round++) {
    if (round > 0 && performance.now() - started > TIME_CAP_MS) break;
    progress(`canvas: ${appTarget.label}: round ${round + 1} of ${SAMPLES}`);
    const order = round % 2 === 0 ? ["bare", "app"] : ["app", "bare"];
    for (const which of order) {
      if (which === "bare") bare.push(await safeSample(browser, bareTarget));
      // Without a canvas every later sample would only wait out the same 10 s again.
      else if (!appHasNoCanvas) {
        const s = await safeSample(browser, appTarget);
        app.push(s);
        appHasNoCanvas = !s.open.ok && s.open.error.startsWith("no canvas");
      }
    }
  }
  return { bare, app };
}

/**
 * Flows of 100, 1,000 and 5,000 nodes in the app against the same chains on a bare React Flow
 * page at the app's canvas size (bare/main.tsx: the library's best configuration), in one
 * headless Chromium at 1280x800: time to open, and frames per second while panning and while
 * dragging a node. Each sample is a fresh browser context.
 */
export async function canvasRows(options: { build: boolean }): Promise<Row[]> {
  const bareRoot = bareDir(options.build);
  const appRoot = appDir(options.build);
  const flows = flowSizes().map((count) => ({ count, seed: seedArgs(validBigFlow(count)) }));
  await checkSeedSchema(flows[0]?.seed ?? seedArgs(validBigFlow()));
  const [bareServer, appServer] = await Promise.all([serveStatic(bareRoot), serveStatic(appRoot)]);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const rows: Row[] = [];
  try {
    const appTarget = (count: number, seed: SeedArgs): Target => ({
      label: `app, ${nodesLabel(count)}`,
      url: appServer.url,
      seed,
    });
    const first = flows[0];
    if (!first) throw new Error("no flow sizes to measure");
    const canvas = await appCanvasSize(browser, appTarget(first.count, first.seed));
    for (const { count, seed } of flows) {
      const query = `?nodes=${count}&w=${canvas.width}&h=${canvas.height}`;
      const bareTarget: Target = {
        label: `bare page, ${nodesLabel(count)}`,
        url: bareServer.url,
        query,
      };
      const samples = await measureFlow(browser, bareTarget, appTarget(count, seed));
      const label = nodesLabel(count);
      const fpsBudget = { limit: FPS_BUDGET, atMost: false };
      rows.push(
        ...figureRows(`canvas open, ${label}`, "open", samples, formatMs, {
          limit: OPEN_BUDGET,
          atMost: true,
        }),
        ...figureRows(`pan fps, ${label}`, "pan", samples, formatFps, fpsBudget),
        ...figureRows(`node drag fps, ${label}`, "drag", samples, formatFps, fpsBudget),
        viewRow(label, samples),
      );
    }
  } finally {
    await browser.close();
    await Promise.all([bareServer.close(), appServer.close()]);
  }
  return rows;
}
