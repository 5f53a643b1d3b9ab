import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../test/chromium";
import { startMockLlmServer } from "../../test/mock-llm/mockLlmServer";
import { appDir } from "../canvas/canvasBench";
import { NAME_SHIM } from "../canvas/inPage";
import { serveStatic } from "../canvas/server";
import { formatMs, formatTask, median, progress } from "../stats";
import { infoRow, type Row } from "../table";
import { installStreamProbe, type StreamBenchWindow, type StreamRecord } from "./inPage";

const BARE_ROOT = fileURLToPath(new URL("./bare", import.meta.url));

const TOKENS = 500;
const TOKENS_PER_SECOND = 200;
/** Samples per page, alternating which page goes first so neither always gets the warmer machine. */
const SAMPLES = 3;
const VIEWPORT = { width: 1280, height: 800 };
/** The whole reply takes 2.5 s to stream; this is for a page that stalls or never shows it. */
const SHOWN_TIMEOUT_MS = 30_000;

/** The app may trail the bare page by at most one frame at 60 Hz. */
const LATENCY_BUDGET_MS = 16;
const LONG_TASK_BUDGET_MS = 50;

/**
 * TOKENS plain words, in sentences and paragraphs as a reply would come, none of them Markdown
 * syntax (no digits, dashes or stars): both pages show the same letters, the app just renders
 * them as paragraphs. The mock sends one word (with its trailing space) per chunk.
 */
function replyText(): string {
  const words =
    "the flow keeps every message in memory so each model reads back only what its window allows and nothing more while the canvas shows which node remembers what".split(
      " ",
    );
  let text = "";
  for (let i = 0; i < TOKENS; i++) {
    const word = words[i % words.length] as string;
    const startsSentence = i % 12 === 0;
    text += startsSentence ? word[0]?.toUpperCase() + word.slice(1) : word;
    if (i === TOKENS - 1) text += ".";
    else if (i % 60 === 59) text += ".\n\n";
    else if (i % 12 === 11) text += ". ";
    else text += " ";
  }
  return text;
}

const letters = (text: string) => text.replace(/\s+/g, "").length;

/** One page's reply, as measured. */
interface Sample {
  median: number;
  p95: number;
  /** The same, but to the MutationObserver callback instead of the next frame. */
  medianToDom: number;
  /** The longest long task while streaming, 0 when there was none (none over 50 ms). */
  longestTask: number;
  /** When it began, in ms after the response headers, of how long the stream took to show. */
  longestTaskAt: number;
  streamMs: number;
}

interface Target {
  label: string;
  url: string;
  /** Readies the page (for the app: points chat_llm at the mock) up to the moment before Send. */
  prepare(page: Page): Promise<void>;
  /** Where the reply's text is: the root the observer watches, and the element inside it. */
  root: string;
  text: string;
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
}

/**
 * For each delta, the first moment the reply showed at least as many letters as all deltas up
 * to and including it: by then its own text was on screen. Lengths are compared as a running
 * maximum, so a re-render that briefly shows less does not count as showing the text again.
 */
function shownAt(record: StreamRecord, seen: StreamRecord["painted"], label: string): number[] {
  const delays: number[] = [];
  let total = 0;
  let next = 0;
  for (const [index, arrival] of record.arrivals.entries()) {
    total += letters(arrival.text);
    while (next < seen.length && (seen[next]?.chars ?? 0) < total) next++;
    const shown = seen[next];
    if (!shown) throw new Error(`${label}: chunk ${index + 1} never appeared in the DOM`);
    delays.push(shown.at - arrival.at);
  }
  return delays;
}

function summarize(record: StreamRecord, label: string, expectedLetters: number): Sample {
  if (record.readError) throw new Error(`${label}: reading the stream failed: ${record.readError}`);
  if (record.arrivals.length !== TOKENS) {
    throw new Error(`${label}: ${record.arrivals.length} chunks arrived, not ${TOKENS}`);
  }
  const arrived = record.arrivals.reduce((sum, a) => sum + letters(a.text), 0);
  if (arrived !== expectedLetters) {
    throw new Error(`${label}: ${arrived} letters arrived, not ${expectedLetters}`);
  }
  const painted = shownAt(record, record.painted, label);
  const mutated = shownAt(record, record.mutated, label);
  // Streaming: from the response headers to the frame that showed the last chunk.
  const from = record.respondedAt ?? 0;
  const to = record.painted.at(-1)?.at ?? Number.POSITIVE_INFINITY;
  const during = record.longTasks.filter((t) => t.start < to && t.start + t.duration > from);
  const longest = during.reduce<(typeof during)[number] | undefined>(
    (worst, t) => (!worst || t.duration > worst.duration ? t : worst),
    undefined,
  );
  return {
    median: median(painted),
    p95: percentile(painted, 0.95),
    medianToDom: median(mutated),
    longestTask: longest?.duration ?? 0,
    longestTaskAt: longest ? longest.start - from : 0,
    streamMs: to - from,
  };
}

/** One fresh browser context: open the page, send, wait until the whole reply is on screen. */
async function sample(
  browser: Browser,
  target: Target,
  completionsUrl: string,
  expectedLetters: number,
): Promise<Sample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({
      content: `${NAME_SHIM}\n(${installStreamProbe.toString()})(${JSON.stringify({ completionsUrl })});`,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(target.url);
    await target.prepare(page);
    await page.evaluate(
      ([root, text]) => (window as unknown as StreamBenchWindow).__streamBench.watch(root, text),
      [target.root, target.text] as const,
    );
    await page.getByRole("button", { name: "Send", exact: true }).click();
    try {
      // Polled on a timer, not every frame (Playwright's default): a frame callback of its own
      // would change how often the page renders.
      await page.waitForFunction(
        (want) =>
          ((window as unknown as StreamBenchWindow).__streamBench.record.painted.at(-1)?.chars ??
            0) >= want,
        expectedLetters,
        { polling: 250, timeout: SHOWN_TIMEOUT_MS },
      );
    } catch (error) {
      const shown = await page.evaluate(
        () => (window as unknown as StreamBenchWindow).__streamBench.record.painted.at(-1)?.chars,
      );
      const errors = pageErrors.length > 0 ? ` Page error: ${pageErrors[0]}` : "";
      throw new Error(
        `${target.label}: ${shown ?? 0} of ${expectedLetters} letters shown after ${SHOWN_TIMEOUT_MS / 1000} s.${errors}`,
        { cause: error },
      );
    }
    const record = await page.evaluate(
      () => (window as unknown as StreamBenchWindow).__streamBench.record,
    );
    const result = summarize(record, target.label, expectedLetters);
    const task =
      result.longestTask > 0
        ? `${formatMs(result.longestTask)}, ${Math.round(result.longestTaskAt)} ms into the ` +
          `${Math.round(result.streamMs)} ms stream`
        : "none over 50 ms";
    progress(
      `streaming: ${target.label}: median ${formatMs(result.median)} to the next frame ` +
        `(${formatMs(result.medianToDom)} to the DOM), p95 ${formatMs(result.p95)}, ` +
        `longest task ${task}`,
    );
    return result;
  } finally {
    await context.close();
  }
}

/** Points the starter flow's LLM at the mock, as a user would, and types the message. */
async function prepareApp(page: Page, baseUrl: string): Promise<void> {
  await page.locator('.react-flow__node[data-id="chat_llm"]').click();
  const inspector = page.getByRole("region", { name: "Node inspector" });
  await inspector.getByLabel("Provider").selectOption("openai-compatible");
  await inspector.getByLabel("Model").fill("mock-model");
  await inspector.getByLabel("Base URL").fill(baseUrl);
  await page.getByRole("tab", { name: "Chat" }).click();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("Stream me 500 words.");
}

const of = (n: number) => `(median of ${n})`;

/** formatMs with a sign: the app can come out ahead of the bare page by noise. */
const formatSignedMs = (ms: number) => (ms < 0 ? `−${formatMs(-ms)}` : formatMs(ms));

/**
 * Token-to-screen latency: the mock streams TOKENS one-word chunks at TOKENS_PER_SECOND to the
 * app's chat and to a bare page that appends them to a div; in each page, the delay from a
 * chunk's arrival to the animation frame after its text entered the DOM. Each sample is a fresh
 * browser context with a fresh reply; the medians of SAMPLES samples per page are compared.
 */
export async function streamingRows(options: { build: boolean }): Promise<Row[]> {
  const appRoot = appDir(options.build);
  const reply = replyText();
  const expectedLetters = letters(reply);
  const mock = await startMockLlmServer({ record: false });
  mock.setDefault({ reply, tokensPerSecond: TOKENS_PER_SECOND });
  const completionsUrl = `${mock.url}/v1/chat/completions`;
  const [appServer, bareServer] = await Promise.all([serveStatic(appRoot), serveStatic(BARE_ROOT)]);
  const targets = {
    bare: {
      label: "bare page",
      url: `${bareServer.url}/?mock=${encodeURIComponent(mock.url)}`,
      prepare: async () => {},
      // The observer looks for the text element inside its root, so the root is the body.
      root: "body",
      text: "#out",
    },
    app: {
      label: "app",
      url: `${appServer.url}/`,
      prepare: (page: Page) => prepareApp(page, `${mock.url}/v1`),
      root: 'section[aria-label="Chat"]',
      // The reply's text only: not the user's message, nor the output label of a multi-output flow.
      text: ".chat-reply[data-output] .chat-markdown",
    },
  } satisfies Record<string, Target>;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const samples: Record<keyof typeof targets, Sample[]> = { bare: [], app: [] };
  try {
    for (let round = 0; round < SAMPLES; round++) {
      progress(`streaming: round ${round + 1} of ${SAMPLES}`);
      const order = round % 2 === 0 ? (["bare", "app"] as const) : (["app", "bare"] as const);
      for (const which of order) {
        samples[which].push(await sample(browser, targets[which], completionsUrl, expectedLetters));
      }
    }
  } finally {
    await browser.close();
    await Promise.all([appServer.close(), bareServer.close(), mock.close()]);
  }

  const bare = median(samples.bare.map((s) => s.median));
  const app = median(samples.app.map((s) => s.median));
  const longest = (list: readonly Sample[]) => Math.max(...list.map((s) => s.longestTask));
  return [
    infoRow(`token→screen median, bare page ${of(samples.bare.length)}`, formatMs(bare)),
    infoRow(`token→screen median, app ${of(samples.app.length)}`, formatMs(app)),
    {
      figure: "token→screen, app − bare",
      value: formatSignedMs(app - bare),
      budget: `≤ ${LATENCY_BUDGET_MS} ms`,
      ok: app - bare <= LATENCY_BUDGET_MS,
    },
    infoRow(
      `token→screen p95, bare page ${of(samples.bare.length)}`,
      formatMs(median(samples.bare.map((s) => s.p95))),
    ),
    infoRow(
      `token→screen p95, app ${of(samples.app.length)}`,
      formatMs(median(samples.app.map((s) => s.p95))),
    ),
    infoRow(
      // A control: a long task here too means the machine, not the app, was busy.
      `longest task while streaming, bare page (worst of ${samples.bare.length})`,
      formatTask(longest(samples.bare)),
    ),
    {
      // The worst of the samples: the budget is that no stream has a long task, not most.
      figure: `longest task while streaming, app (worst of ${samples.app.length})`,
      value: formatTask(longest(samples.app)),
      budget: `≤ ${LONG_TASK_BUDGET_MS} ms`,
      ok: longest(samples.app) <= LONG_TASK_BUDGET_MS,
    },
  ];
}
