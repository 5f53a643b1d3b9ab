/**
 * Takes the docs' screenshots of the built app: `npm run build`, then
 * `node --import tsx scripts/screenshot.ts` (SCREENSHOT_PORT picks the preview's port, 4173
 * unless told; APP_URL points at an app already served instead). It serves dist/ with
 * `vite preview` itself and stops it when done.
 *
 * Each shot starts from a fresh profile: the "Two LLMs sharing one memory" template, turns on
 * the offline echo provider (no network, no key), then what the shot shows.
 *   docs/screenshot.png       1440 px, light: llm2 selected, its memory in the inspector
 *   docs/screenshot-dark.png  1440 px, dark: the chat after two turns
 *   docs/screenshot-390.png   390 px (a phone), light: the chat with a highlighted code block
 *   docs/storage-full.png     1440 px: full storage (played in the page, as the fault specs do:
 *                             test/e2e/faults/storageFaults.ts), an edit it refused
 *   docs/storage-free-space-390.png  390 px: the same, with the Free space list open
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";
import { NAME_SHIM } from "../bench/canvas/inPage";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/chromium";
import { installStorageFaults, MB, setStorageFaults } from "../test/e2e/faults/storageFaults";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PORT = Number(process.env.SCREENSHOT_PORT ?? 4173);

interface Shot {
  out: string;
  /** Runs before the app loads: the storage faults the shot plays. */
  before?(page: Page): Promise<void>;
  viewport: { width: number; height: number };
  colorScheme: "light" | "dark";
  /** Brings the page to what the shot shows, from the app freshly opened. */
  stage(page: Page): Promise<void>;
}

async function openTemplate(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Flows: Chat with memory" }).click();
  await page.getByRole("button", { name: "New flow" }).click();
  await page.getByRole("button", { name: "Two LLMs sharing one memory" }).click();
  // Attached, not visible: at 390 px the canvas is behind a tab.
  await page.locator('.react-flow__node[data-id="llm2"]').waitFor({ state: "attached" });
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByRole("tab", { name: "Chat" }).click();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.getByRole("button", { name: "Send", exact: true }).waitFor();
}

const TURNS = ["Hi! My name is David", "What is my name?"];

/**
 * A saved turn, then storage full and an edit it refuses: the app turns read-only, the edit
 * waits in the journal. On a phone the canvas is behind the "Show" switch.
 */
async function fillStorage(page: Page, phone = false): Promise<void> {
  await send(page, "Remember me");
  await setStorageFaults(page, { full: true, usage: 48 * MB, usageAfterDelete: 30 * MB });
  const show = page.getByRole("group", { name: "Show" });
  if (phone) await show.getByRole("button", { name: "Canvas" }).click();
  await page.locator('.react-flow__node[data-id="chat_llm"]').click();
  if (phone) await show.getByRole("button", { name: "Chat" }).click();
  await page.getByRole("tab", { name: "Node" }).click();
  const prompt = page.getByRole("region", { name: "Node inspector" }).getByLabel("System prompt");
  await prompt.fill("Answer like a pirate.");
  await page.getByText("Could not save flow", { exact: false }).waitFor();
}

const withFaults = (page: Page) => installStorageFaults(page, { usage: 10 * MB, quota: 50 * MB });

const SHOTS: Shot[] = [
  {
    out: "docs/screenshot.png",
    viewport: { width: 1440, height: 860 },
    colorScheme: "light",
    async stage(page) {
      await openTemplate(page);
      for (const text of TURNS) await send(page, text);
      await page.locator('.react-flow__node[data-id="llm2"]').click({ position: { x: 10, y: 10 } });
      await page.getByRole("region", { name: "Node inspector" }).waitFor();
      await page.locator('.react-flow__node[data-id="llm1"] .memory-badge').hover();
    },
  },
  {
    out: "docs/screenshot-dark.png",
    viewport: { width: 1440, height: 860 },
    colorScheme: "dark",
    async stage(page) {
      await openTemplate(page);
      for (const text of TURNS) await send(page, text);
    },
  },
  {
    out: "docs/screenshot-390.png",
    viewport: { width: 390, height: 844 },
    colorScheme: "light",
    async stage(page) {
      await openTemplate(page);
      // The echo provider answers with what it was sent: the block comes back highlighted.
      await send(page, "Check:\n\n```python\ndef hi(name):\n    return name\n```");
      await page.locator(".chat-code .hljs-keyword").first().waitFor();
    },
  },
  {
    out: "docs/storage-full.png",
    viewport: { width: 1440, height: 900 },
    colorScheme: "light",
    before: withFaults,
    stage: (page) => fillStorage(page),
  },
  {
    out: "docs/storage-free-space-390.png",
    viewport: { width: 390, height: 900 },
    colorScheme: "light",
    before: withFaults,
    async stage(page) {
      await fillStorage(page, true);
      await page.getByRole("button", { name: "Free space" }).first().click();
      await page.getByRole("region", { name: /^Free space/ }).waitFor();
    },
  },
];

async function take(browser: Browser, url: string, shot: Shot): Promise<void> {
  const context = await browser.newContext({
    viewport: shot.viewport,
    colorScheme: shot.colorScheme,
    reducedMotion: "reduce",
  });
  try {
    // tsx wraps functions sent to the page (the storage faults) in a helper only Node has.
    await context.addInitScript({ content: NAME_SHIM });
    const page = await context.newPage();
    await shot.before?.(page);
    await page.goto(url);
    await shot.stage(page).catch(async (error) => {
      const seen = `${shot.out.replace(/\.png$/, "")}.failed.png`;
      await page.screenshot({ path: join(ROOT, seen) });
      throw new Error(
        `${shot.out}: ${error instanceof Error ? error.message : error} (see ${seen})`,
      );
    });
    // Fonts and the last frame of any transition.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, shot.out) });
    console.log(`wrote ${shot.out}`);
  } finally {
    await context.close();
  }
}

/** `vite preview` of dist/, resolved once it answers. */
async function preview(): Promise<{ url: string; server: ChildProcess }> {
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const server = spawn(
    process.execPath,
    [vite, "preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort"],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = `http://127.0.0.1:${PORT}/`;
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return { url, server };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${url} in 30 s (is dist/ built?)`);
}

const served = process.env.APP_URL ? null : await preview();
const url = process.env.APP_URL ?? served?.url ?? "";
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const shot of SHOTS) await take(browser, url, shot);
} finally {
  await browser.close();
  served?.server.kill();
}
