import { readFile } from "node:fs/promises";
import { chromium, type Page } from "@playwright/test";
import { writeFlowFile } from "../src/format";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/chromium";
import { validBigFlow } from "./canvas/bigFlow";
import { appDir } from "./canvas/canvasBench";
import { NAME_SHIM, seedDatabase } from "./canvas/inPage";
import { checkSeedSchema, seedArgs } from "./canvas/seed";
import { BLANK_PATH, serveStatic } from "./canvas/server";
import { formatMs, median, progress } from "./stats";
import type { Row } from "./table";

/*
 * Import and export of a 1,000-node flow through the real app, in headless Chromium: the app as
 * built, opened on the canvas bench's 1,000-node flow, the Flows menu open.
 * - export: from the click on "Export flow" to the <a download> click that hands the file to the
 *   browser (writeFlowFile and the Blob included);
 * - import: from the file input's change event (the file chosen) to the frame after the preview
 *   dialog opened (reading the file, readFlowFile with every check, the summary, the dialog's
 *   render and the browser drawing it), then Cancel.
 * Each figure is the median of SAMPLES runs after one warm-up (which also loads the lazy chunks);
 * the warm-up's figure goes to the progress lines.
 */

const SAMPLES = 7;
const BUDGET_MS = 300;
const OPEN_TIMEOUT_MS = 60_000;

/** What the probe records in the page, as performance.now() times. */
interface FlowFilesWindow {
  __flowFiles: {
    clickedAt: number;
    downloadedAt: number;
    changedAt: number;
    shownAt: number;
  };
}

/**
 * Installed before the app runs. A capture listener sees the file input's change before React
 * does; a MutationObserver sees an import preview (a dialog titled "Import …") open and notes
 * the second animation frame after, by which the browser has drawn it; `<a download>` clicks
 * are the downloads.
 */
function installFlowFilesProbe(): void {
  const probe = { clickedAt: 0, downloadedAt: 0, changedAt: 0, shownAt: 0 };
  (window as unknown as FlowFilesWindow).__flowFiles = probe;
  document.addEventListener(
    "change",
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === "file") {
        probe.changedAt = performance.now();
      }
    },
    true,
  );
  const anchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    if (this.download) probe.downloadedAt = performance.now();
    anchorClick.call(this);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      const dialog = record.target;
      if (!(dialog instanceof HTMLDialogElement) || !dialog.open) continue;
      const title = document.getElementById(dialog.getAttribute("aria-labelledby") ?? "");
      if (!title?.textContent?.startsWith("Import ")) continue;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          probe.shownAt = performance.now();
        }),
      );
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["open"] });
}

/** Written by hand, not with belowRow: "< 300 ms" reads better than "< 300.0 ms". */
const budgetRow = (figure: string, ms: number): Row => ({
  figure,
  value: formatMs(ms),
  budget: `< ${BUDGET_MS} ms`,
  ok: ms < BUDGET_MS,
});

const probeOf = (page: Page) =>
  page.evaluate(() => (window as unknown as FlowFilesWindow).__flowFiles);

/** One export: the click, in the page so the clock starts exactly there, then the download. */
async function exportOnce(page: Page, expectNodes: number | null): Promise<number> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.evaluate(() => {
      const button = [...document.querySelectorAll("button")].find(
        (b) => b.textContent === "Export flow",
      );
      if (!button) throw new Error('no "Export flow" button');
      (window as unknown as FlowFilesWindow).__flowFiles.clickedAt = performance.now();
      button.click();
    }),
  ]);
  if (expectNodes !== null) {
    // Once, that what was timed is the whole flow and not a failure that happened to be quick.
    const path = await download.path();
    const nodes = JSON.parse(await readFile(path, "utf8")).nodes.length;
    if (nodes !== expectNodes) throw new Error(`the export had ${nodes} nodes, not ${expectNodes}`);
  }
  const { clickedAt, downloadedAt } = await probeOf(page);
  return downloadedAt - clickedAt;
}

/** One import: choose the file, wait for the preview, read the times, cancel. */
async function importOnce(page: Page, file: { name: string; text: string }, title: string) {
  await page.evaluate(() => {
    (window as unknown as FlowFilesWindow).__flowFiles.shownAt = 0;
  });
  // Cancel closes the Flows panel, and the file input with it: open it again for each import.
  const input = page.locator('input[type="file"]');
  if ((await input.count()) === 0) {
    await page.getByRole("button", { name: /^Flows: / }).click();
    await input.waitFor({ state: "attached" });
  }
  await input.setInputFiles({
    name: file.name,
    mimeType: "application/json",
    buffer: Buffer.from(file.text),
  });
  const preview = page.getByRole("dialog", { name: title });
  await preview.waitFor({ state: "visible" });
  await page.waitForFunction(() => (window as unknown as FlowFilesWindow).__flowFiles.shownAt > 0);
  const { changedAt, shownAt } = await probeOf(page);
  await preview.getByRole("button", { name: "Cancel" }).click();
  await preview.waitFor({ state: "hidden" });
  return shownAt - changedAt;
}

export async function flowFilesRows(options: { build: boolean }): Promise<Row[]> {
  const appRoot = appDir(options.build);
  const flow = validBigFlow();
  const seed = seedArgs(flow);
  await checkSeedSchema(seed);
  const file = { name: "benchmark-1000-nodes.flow.json", text: writeFlowFile(flow) };
  progress(`flow files: a ${(file.text.length / 1024).toFixed(0)} KB file of 1,000 nodes`);

  const server = await serveStatic(appRoot);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({
      content: `${NAME_SHIM}\n(${installFlowFilesProbe.toString()})();`,
    });
    const page = await context.newPage();
    await page.goto(server.url + BLANK_PATH);
    await page.evaluate(seedDatabase, seed);
    await page.goto(`${server.url}/`);
    const trigger = page.getByRole("button", { name: `Flows: ${flow.name}` });
    await trigger.waitFor({ state: "visible", timeout: OPEN_TIMEOUT_MS });
    await trigger.click();
    // The panel's code loads on the first opening: the timed clicks start once it is there.
    await page
      .getByRole("button", { name: "Export flow", exact: true })
      .waitFor({ state: "visible", timeout: OPEN_TIMEOUT_MS });

    const exports: number[] = [];
    for (let i = 0; i <= SAMPLES; i++) exports.push(await exportOnce(page, i === 0 ? 1000 : null));
    const imports: number[] = [];
    for (let i = 0; i <= SAMPLES; i++)
      imports.push(await importOnce(page, file, `Import ${flow.name}`));

    const [coldExport, ...warmExports] = exports as [number, ...number[]];
    const [coldImport, ...warmImports] = imports as [number, ...number[]];
    progress(
      `flow files: export ${warmExports.map(formatMs).join(", ")} (first ${formatMs(coldExport)})`,
    );
    progress(
      `flow files: import ${warmImports.map(formatMs).join(", ")} (first ${formatMs(coldImport)})`,
    );
    return [
      budgetRow("flow import, 1,000 nodes (Chromium)", median(warmImports)),
      budgetRow("flow export, 1,000 nodes (Chromium)", median(warmExports)),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
