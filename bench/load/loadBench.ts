import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { writeBackupFile } from "../../src/format/writeBackupFile";
import { STORE } from "../../src/storage/dbSchema";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../test/chromium";
import { countRecords } from "../../test/e2e/storedRecords";
import { BIG_CONVERSATION_LAST_REPLY, largeBackup } from "../backupRestore";
import { appDir } from "../canvas/canvasBench";
import { NAME_SHIM } from "../canvas/inPage";
import { serveStatic } from "../canvas/server";
import { formatMs, formatTask, median, progress } from "../stats";
import { atMostRow, belowRow, type Row } from "../table";
import { installLoadProbe, type LoadWindow, OPEN_WATCH_KEY, type Readiness } from "./inPage";

/*
 * The app as built, in headless Chromium, with the bench's large backup (100 flows, 1,000 runs,
 * a conversation of 10,000 memory messages in 500 runs: bench/backupRestore.ts) restored
 * through the app's own Restore backup… (Flows menu), the way a user fills the database.
 * - backup: preview, from the file being chosen to the frame after the dialog shows its counts;
 *   restore, from the click on Restore to the frame after the dialog has closed and the restored
 *   flow is open on its big conversation, its last reply on screen. Each in a fresh browser
 *   context (a second restore of the same file would add a copy), median of SAMPLES.
 * - load: the database so filled, the page reloaded: from navigation start to the frame after
 *   the composer is there (storage open) and the conversation's last reply is on screen, median
 *   of RELOADS reloads.
 * The longest task is the longest main-thread task (PerformanceObserver "longtask") from the
 * start of each step to SETTLE_MS after it was ready (tasks that finish the open count too).
 */

const SAMPLES = 3;
const RELOADS = 5;
const SETTLE_MS = 1_000;
const STEP_TIMEOUT_MS = 60_000;
/** Issue 9: the app open and usable in under 1 s. Issue 10: no task over 200 ms. */
const OPEN_BUDGET_MS = 1_000;
const LONG_TASK_BUDGET_MS = 200;
/** The restore's budgets: preview within a second, the restore itself within three. */
const PREVIEW_BUDGET_MS = 1_000;
const RESTORE_BUDGET_MS = 3_000;
const FILE_NAME = "llm-flow-studio-backup-bench.json";

async function newAppPage(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({
    content: `${NAME_SHIM}\n(${installLoadProbe.toString()})(${JSON.stringify(OPEN_WATCH_KEY)});`,
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const waitFor = (page: Page, what: Readiness) =>
  page.evaluate(
    ([what, timeout]) => (window as unknown as LoadWindow).__load.waitFor(what, timeout),
    [what, STEP_TIMEOUT_MS] as const,
  );
const longestTask = (page: Page) =>
  page.evaluate(() => (window as unknown as LoadWindow).__load.longestTask);
const resetLongestTask = (page: Page) =>
  page.evaluate(() => (window as unknown as LoadWindow).__load.resetLongestTask());

/** How many records each store holds: the database the reload opens over, as the app left it. */
const storeCounts = (page: Page) =>
  countRecords(page, [STORE.flows, STORE.runs, STORE.memoryMessages]);

interface RestoreSample {
  previewMs: number;
  previewTask: number;
  restoreMs: number;
  restoreTask: number;
}

/** Restores the backup through the Flows menu; the app ends open on the big conversation. */
async function restoreThroughApp(
  page: Page,
  file: string,
  messages: number,
): Promise<RestoreSample> {
  await page.getByRole("button", { name: /^Flows: / }).click();
  const restore = page.getByRole("button", { name: "Restore backup" });
  await restore.waitFor({ timeout: STEP_TIMEOUT_MS });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), restore.click()]);
  await resetLongestTask(page);
  // A path, as a real file chooser gives: with a buffer, Playwright would decode the file's
  // base64 inside the page, a task of its own of several hundred ms counted as the app's.
  await chooser.setFiles(file);
  const shownAt = await waitFor(page, { kind: "preview", messages: messages.toLocaleString("en") });
  await page.waitForTimeout(SETTLE_MS);
  const previewTask = await longestTask(page);
  const chosenAt = await page.evaluate(() => (window as unknown as LoadWindow).__load.fileChosenAt);

  await page.evaluate(() => {
    (window as unknown as LoadWindow).__load.clickWatch = "Restore";
  });
  await resetLongestTask(page);
  await page
    .getByRole("dialog", { name: "Restore backup" })
    .getByRole("button", { name: "Restore", exact: true })
    .click();
  const restoredAt = await waitFor(page, { kind: "restored", text: BIG_CONVERSATION_LAST_REPLY });
  await page.waitForTimeout(SETTLE_MS);
  const restoreTask = await longestTask(page);
  const clickedAt = await page.evaluate(() => (window as unknown as LoadWindow).__load.clickedAt);
  return {
    previewMs: shownAt - chosenAt,
    previewTask,
    restoreMs: restoredAt - clickedAt,
    restoreTask,
  };
}

async function withApp<T>(build: boolean, use: (browser: Browser, url: string) => Promise<T>) {
  const server = await serveStatic(appDir(build));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    return await use(browser, `${server.url}/`);
  } finally {
    await browser.close();
    await server.close();
  }
}

interface BigBackup {
  file: string;
  label: string;
  flows: number;
  runs: number;
  messages: number;
}

/** The bench's large backup written to a file in a temporary folder, removed after `use`. */
async function withBigBackup<T>(use: (backup: BigBackup) => Promise<T>): Promise<T> {
  const data = largeBackup();
  const label = `${data.flows.length} flows / ${data.runs.length.toLocaleString("en")} runs / ${data.memoryMessages.length.toLocaleString("en")} messages`;
  const dir = await mkdtemp(join(tmpdir(), "bench-backup-"));
  try {
    const file = join(dir, FILE_NAME);
    await writeFile(file, writeBackupFile(data, { createdAt: 0 }));
    return await use({
      file,
      label,
      flows: data.flows.length,
      runs: data.runs.length,
      messages: data.memoryMessages.length,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Preview and restore of the large backup through the app (Chromium). */
export async function backupBrowserRows(options: { build: boolean }): Promise<Row[]> {
  return withBigBackup(({ file, messages, label }) =>
    withApp(options.build, async (browser, url) => {
      const samples: RestoreSample[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        progress(`backup (Chromium): restore ${i + 1} of ${SAMPLES}, ${label}`);
        const page = await newAppPage(browser, url);
        try {
          samples.push(await restoreThroughApp(page, file, messages));
        } finally {
          await page.context().close();
        }
      }
      const at = (pick: (s: RestoreSample) => number) => median(samples.map(pick));
      progress(
        `backup (Chromium): ${samples.map((s) => `preview ${formatMs(s.previewMs)} (task ${formatTask(s.previewTask)}), restore ${formatMs(s.restoreMs)} (task ${formatTask(s.restoreTask)})`).join("; ")}`,
      );
      const figure = (what: string) => `backup of ${label} (built app, Chromium): ${what}`;
      return [
        atMostRow(
          figure(`preview, median of ${SAMPLES}`),
          at((s) => s.previewMs),
          PREVIEW_BUDGET_MS,
          formatMs,
        ),
        atMostRow(
          figure("longest task during preview"),
          at((s) => s.previewTask),
          LONG_TASK_BUDGET_MS,
          formatTask,
        ),
        atMostRow(
          figure(`restore and open, median of ${SAMPLES}`),
          at((s) => s.restoreMs),
          RESTORE_BUDGET_MS,
          formatMs,
        ),
        atMostRow(
          figure("longest task during restore"),
          at((s) => s.restoreTask),
          LONG_TASK_BUDGET_MS,
          formatTask,
        ),
      ];
    }),
  );
}

/** The app reopened over a database of the large backup's size (Chromium). */
export async function loadRows(options: { build: boolean }): Promise<Row[]> {
  return withBigBackup((backup) =>
    withApp(options.build, async (browser, url) => {
      const { file, messages, label } = backup;
      progress(`load: filling the database through Restore backup: ${label}`);
      const page = await newAppPage(browser, url);
      try {
        await restoreThroughApp(page, file, messages);
        // The starter flow the app made on its first open is there too.
        const counts = await storeCounts(page);
        const want = {
          flows: backup.flows + 1,
          runs: backup.runs,
          memoryMessages: backup.messages,
        };
        if (JSON.stringify(counts) !== JSON.stringify(want)) {
          throw new Error(`after the restore the database holds ${JSON.stringify(counts)}`);
        }
        await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [
          OPEN_WATCH_KEY,
          BIG_CONVERSATION_LAST_REPLY,
        ] as const);
        const opens: number[] = [];
        const tasks: number[] = [];
        for (let i = 0; i < RELOADS; i++) {
          await page.reload();
          const opened = await page.evaluate(() => (window as unknown as LoadWindow).__load.opened);
          if (typeof opened !== "number") throw new Error(`the app did not open: ${opened}`);
          await page.waitForTimeout(SETTLE_MS);
          opens.push(opened);
          tasks.push(await longestTask(page));
        }
        progress(
          `load: opens ${opens.map(formatMs).join(", ")}; longest tasks ${tasks.map(formatTask).join(", ")}`,
        );
        const figure = (what: string) => `reopen over ${label} (built app, Chromium): ${what}`;
        return [
          belowRow(
            figure(`open and usable, median of ${RELOADS}`),
            median(opens),
            OPEN_BUDGET_MS,
            formatMs,
          ),
          atMostRow(
            figure("longest task during open"),
            median(tasks),
            LONG_TASK_BUDGET_MS,
            formatTask,
          ),
        ];
      } finally {
        await page.context().close();
      }
    }),
  );
}
