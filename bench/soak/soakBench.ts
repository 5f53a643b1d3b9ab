import { type Browser, chromium, type Page } from "@playwright/test";
import { STORE } from "../../src/storage/dbSchema";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../test/chromium";
import { storedRecords } from "../../test/e2e/storedRecords";
import { type MockLlmServer, startMockLlmServer } from "../../test/mock-llm/mockLlmServer";
import { appDir } from "../canvas/canvasBench";
import { serveStatic } from "../canvas/server";
import { formatMs, progress } from "../stats";
import { atMostRow, infoRow, type Row } from "../table";
import {
  checkRequest,
  checkStoredMessages,
  type StoredMessage,
  type StoredRun,
} from "./soakChecks";

/*
 * A long conversation through the app as built, in headless Chromium: the starter flow "Chat
 * with memory" with its LLM pointed at the mock LLM server (real HTTP) and a memory window of
 * 20, then TURNS messages typed and sent as a user would, each waited for until its reply is
 * shown and Send is back. Checked: every request the mock server received (system prompt, the
 * last 20 memory messages, the prompt: exactly), and the database afterwards (every message
 * once, each in its run, none without one). Measured: the JS heap after a forced GC at turn
 * HEAP_EARLY and at the end, and the time per turn (from filling the box to Send being back,
 * Playwright's round trips included).
 */

export const SOAK_TURNS = 2_000;
const WINDOW = 20;
const HEAP_EARLY = 100;
const SYSTEM_PROMPT = "You are a helpful assistant.";
/**
 * The heap at turn 100 is the app's own (code, React, the flow, a short conversation). What may
 * grow with the turns is the open conversation's runs, which the store keeps (measured: about
 * 3 KB a turn, 6 MB over 1,900 turns, less than that baseline). So at turn 2,000 at most twice
 * turn 100's heap plus 4 MB for GC noise: a leak of a turn's DOM, stream or listener (5 KB a
 * turn or more on top of the runs) goes over it.
 */
const HEAP_FACTOR = 2;
const HEAP_SLACK_MB = 4;
const TURN_TIMEOUT_MS = 30_000;

const MB = 2 ** 20;
const formatMb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** What the user types at turn n (1-based), and what the mock server answers. */
export const promptOf = (n: number) => `Turn ${n}: remember the number ${n * 7}.`;
export const replyOf = (n: number) => `Mock reply #${n} to "${promptOf(n)}"`;

/** The JS heap in use after a full GC, as DevTools would report it. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

async function pointAtMock(page: Page, mock: MockLlmServer) {
  await page.locator('.react-flow__node[data-id="chat_llm"]').click();
  const inspector = page.getByRole("region", { name: "Node inspector" });
  await inspector.getByLabel("Provider").selectOption("openai-compatible");
  await inspector.getByLabel("Model").fill("mock-model");
  await inspector.getByLabel("Base URL").fill(`${mock.url}/v1`);
  await inspector.getByLabel("Memory window size").fill(String(WINDOW));
  await page.getByRole("tab", { name: "Chat" }).click();
}

interface SoakResult {
  exact: number;
  firstMismatch: string | null;
  requests: number;
  stored: ReturnType<typeof checkStoredMessages>;
  heapEarly: number;
  heapEnd: number;
  turnMs: number[];
}

async function soak(browser: Browser, appUrl: string, turns: number): Promise<SoakResult> {
  const mock = await startMockLlmServer();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(appUrl);
    await pointAtMock(page, mock);
    const box = page.getByRole("textbox", { name: "Message", exact: true });
    const send = page.getByRole("button", { name: "Send", exact: true });
    const chat = page.getByRole("region", { name: "Chat" });
    let exact = 0;
    let requests = 0;
    let firstMismatch: string | null = null;
    let heapEarly = 0;
    const turnMs: number[] = [];
    /** Checks what the server received since the last look (the mock keeps every request). */
    let checked = 0;
    const drain = () => {
      for (const request of mock.requests.slice(checked)) {
        if (request.path !== "/v1/chat/completions") continue;
        requests++;
        const problem = checkRequest(request.body, requests, {
          system: SYSTEM_PROMPT,
          window: WINDOW,
          promptOf,
          replyOf,
        });
        if (problem === null) exact++;
        else firstMismatch ??= `request ${requests}: ${problem}`;
      }
      checked = mock.requests.length;
    };
    for (let n = 1; n <= turns; n++) {
      const started = performance.now();
      await box.fill(promptOf(n));
      await send.click();
      await chat.getByText(replyOf(n), { exact: true }).waitFor({ timeout: TURN_TIMEOUT_MS });
      await send.waitFor({ timeout: TURN_TIMEOUT_MS });
      turnMs.push(performance.now() - started);
      if (n % 100 === 0) {
        drain();
        progress(`soak: turn ${n} of ${turns}, ${exact}/${requests} requests exact`);
      }
      if (n === HEAP_EARLY) heapEarly = await heapAfterGc(page);
    }
    drain();
    const heapEnd = await heapAfterGc(page);
    const stored = checkStoredMessages(
      await storedRecords<StoredMessage>(page, STORE.memoryMessages),
      await storedRecords<StoredRun>(page, STORE.runs),
      turns,
      { promptOf, replyOf },
    );
    return { exact, firstMismatch, requests, stored, heapEarly, heapEnd, turnMs };
  } finally {
    await context.close();
    await mock.close();
  }
}

const percentile = (samples: readonly number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** The soak's rows; `turns` is lowered only to try the bench quickly by hand. */
export async function soakRows(options: { build: boolean; turns?: number }): Promise<Row[]> {
  const turns = options.turns ?? SOAK_TURNS;
  const server = await serveStatic(appDir(options.build));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    progress(`soak: ${turns} turns, window ${WINDOW}, built app in Chromium, mock LLM server`);
    const r = await soak(browser, `${server.url}/`, turns);
    if (r.firstMismatch) progress(`soak: first inexact request: ${r.firstMismatch}`);
    for (const problem of r.stored.problems.slice(0, 5)) progress(`soak: database: ${problem}`);
    const label = `soak (built app, Chromium), ${turns.toLocaleString("en")} turns, window ${WINDOW}`;
    const heapLimit = HEAP_FACTOR * r.heapEarly + HEAP_SLACK_MB * MB;
    const want = 2 * turns;
    return [
      {
        figure: `${label}: requests exact`,
        value: `${r.exact}/${turns}${r.requests === turns ? "" : ` (${r.requests} received)`}`,
        budget: `${turns}/${turns}`,
        ok: r.exact === turns && r.requests === turns,
      },
      {
        figure: `${label}: memory messages stored once`,
        value: `${r.stored.count.toLocaleString("en")}, ${r.stored.duplicates} dup., ${r.stored.orphans} orphans`,
        budget: `${want.toLocaleString("en")}, 0 dup., 0 orphans`,
        ok: r.stored.count === want && r.stored.problems.length === 0,
      },
      infoRow(`${label}: JS heap at turn ${HEAP_EARLY} (after GC)`, formatMb(r.heapEarly)),
      {
        ...atMostRow(
          `${label}: JS heap at turn ${turns.toLocaleString("en")} (after GC)`,
          r.heapEnd,
          heapLimit,
          formatMb,
        ),
        budget: `≤ ${HEAP_FACTOR}x turn ${HEAP_EARLY} + ${HEAP_SLACK_MB} MB (${formatMb(heapLimit)})`,
      },
      infoRow(`${label}: time per turn p50`, formatMs(percentile(r.turnMs, 50))),
      infoRow(`${label}: time per turn p95`, formatMs(percentile(r.turnMs, 95))),
      // The same over the last 100 turns only: a turn should not get slower as history grows.
      infoRow(
        `${label}: time per turn p50, last 100`,
        formatMs(percentile(r.turnMs.slice(-100), 50)),
      ),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
