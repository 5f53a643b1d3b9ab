import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "@playwright/test";
import { STORE } from "../../src/storage/dbSchema";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../test/chromium";
import { chainFlowFile, chunksOf, HEAVY_REPLIES } from "../../test/e2e/hostileCorpus";
import { longestTask, resetLongestTask, watchLongTasks } from "../../test/e2e/longTasks";
import { storedRecords } from "../../test/e2e/storedRecords";
import { startMockLlmServer } from "../../test/mock-llm/mockLlmServer";
import { appDir } from "../canvas/canvasBench";
import { serveStatic } from "../canvas/server";
import { formatMs, formatTask, progress } from "../stats";
import { belowRow, infoRow, type Row } from "../table";

/** No task on the page's thread may hold it this long while a hostile reply or flow loads. */
const LONG_TASK_BUDGET_MS = 200;
const FLOW_NODES = 50_000;
const VIEWPORT = { width: 1280, height: 800 };
/** How long a step may take before the measurement gives up (a freeze, not a figure). */
const STEP_TIMEOUT_MS = 120_000;

/** Lets the page settle: tasks still queued after the visible change get measured too. */
const settle = (page: Page) => page.waitForTimeout(1_500);

async function replyTask(appUrl: string, context: BrowserContext): Promise<number> {
  const big = HEAVY_REPLIES.find((reply) => reply.name.includes("1 MB"));
  if (!big) throw new Error("the corpus has no 1 MB reply");
  const mock = await startMockLlmServer({ record: false });
  try {
    mock.setDefault({ reply: big.reply, chunks: chunksOf(big.reply, big.chunkChars ?? 512) });
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.locator('.react-flow__node[data-id="chat_llm"]').click();
    const inspector = page.getByRole("region", { name: "Node inspector" });
    await inspector.getByLabel("Provider").selectOption("openai-compatible");
    await inspector.getByLabel("Model").fill("mock-model");
    await inspector.getByLabel("Base URL").fill(`${mock.url}/v1`);
    await page.getByRole("tab", { name: "Chat" }).click();
    await page.getByRole("textbox", { name: "Message", exact: true }).fill("Send a megabyte.");
    await resetLongestTask(page);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page
      .getByRole("button", { name: "Send", exact: true })
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByRole("button", { name: /^Show all/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await settle(page);
    return await longestTask(page);
  } finally {
    await mock.close();
  }
}

interface FlowFigures {
  /** Longest task from choosing the file to the flow open and settled. */
  importing: number;
  reopening: number;
  /** Longest task from selecting a node and renaming it to the autosave stored and settled. */
  editing: number;
  /** From choosing the file to the flow open with its nodes drawn (the Import click included). */
  importMs: number;
  /** From the reload to the flow open with its nodes drawn and the composer taking text. */
  reopenMs: number;
}

/** The flow is open, its nodes are drawn, and the chat takes a message. */
async function usable(page: Page, name: string) {
  const timeout = STEP_TIMEOUT_MS;
  await page.getByRole("button", { name: `Flows: ${name}` }).waitFor({ timeout });
  await page.locator(".react-flow__node").first().waitFor({ timeout });
  await page.getByRole("textbox", { name: "Message", exact: true }).waitFor({ timeout });
}

/** A node drawn inside the canvas, clear of the panels over it: one a user could click. */
const clickableNode = (page: Page): Promise<string | null> =>
  page.locator(".react-flow__node").evaluateAll((nodes) => {
    for (const node of nodes) {
      const box = node.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (document.elementFromPoint(x, y)?.closest(".react-flow__node") === node) {
        return node.getAttribute("data-id");
      }
    }
    return null;
  });

/** The stored revision of the flow named `name`, read straight from IndexedDB. */
async function storedRevision(page: Page, name: string): Promise<number> {
  const records = await storedRecords<{ name?: string; flow?: { name: string }; revision: number }>(
    page,
    STORE.flows,
  );
  return records.find((r) => (r.name ?? r.flow?.name) === name)?.revision ?? 0;
}

/** Renames one node of the open flow in its inspector, as a user would, and waits for the save. */
async function renameOneNode(page: Page, name: string): Promise<void> {
  const id = await clickableNode(page);
  if (!id) throw new Error("no node of the flow can be clicked");
  const before = await storedRevision(page, name);
  await page.locator(`.react-flow__node[data-id="${id}"]`).click();
  const field = page.getByRole("region", { name: "Node inspector" }).getByLabel("Node id");
  await field.fill(`${id}_renamed`);
  await field.press("Enter");
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while ((await storedRevision(page, name)) <= before) {
    if (Date.now() > deadline) throw new Error("the rename was never saved");
    await page.waitForTimeout(250);
  }
}

async function flowTasks(appUrl: string, context: BrowserContext): Promise<FlowFigures> {
  const page = await context.newPage();
  await page.goto(appUrl);
  const name = `Chain of ${FLOW_NODES} nodes`;
  // From a file on disk: a buffer would be turned into a File by script in the page, and that
  // script's own long task would count against the app.
  const dir = await mkdtemp(join(tmpdir(), "hostile-bench-"));
  const file = join(dir, "chain.json");
  await writeFile(file, chainFlowFile(FLOW_NODES, name));
  try {
    await page.getByRole("button", { name: /^Flows: / }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page
        .getByRole("dialog", { name: "Flows" })
        .getByRole("button", { name: "Import flow" })
        .click(),
    ]);
    await resetLongestTask(page);
    const chosen = performance.now();
    await chooser.setFiles(file);
    const preview = page.getByRole("dialog", { name: `Import ${name}` });
    await preview.waitFor({ timeout: STEP_TIMEOUT_MS });
    await preview.getByRole("button", { name: "Import", exact: true }).click();
    await usable(page, name);
    const importMs = performance.now() - chosen;
    await settle(page);
    const importing = await longestTask(page);
    const reloaded = performance.now();
    await page.reload({ timeout: STEP_TIMEOUT_MS });
    await usable(page, name);
    const reopenMs = performance.now() - reloaded;
    await settle(page);
    const reopening = await longestTask(page);
    await resetLongestTask(page);
    await renameOneNode(page, name);
    await settle(page);
    return { importing, reopening, editing: await longestTask(page), importMs, reopenMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The longest main-thread task (PerformanceObserver "longtask") in Chromium on the built app:
 * while a 1 MB reply streams in 512-character chunks from the mock LLM server and shows, and
 * while a 50,000-node chain is imported from a file (preview included) and reopened after a
 * reload, then while one of its nodes is selected and renamed in the inspector and the autosave
 * stores the flow. Each in a fresh browser context. Budget: under 200 ms each. With them, for context,
 * how long the import and the reopening take until the flow is usable: open, nodes drawn, the
 * chat taking a message.
 */
export async function hostileRows(options: { build: boolean }): Promise<Row[]> {
  const server = await serveStatic(appDir(options.build));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const fresh = async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await watchLongTasks(context);
    return context;
  };
  try {
    progress("hostile: a 1 MB reply");
    const reply = await replyTask(`${server.url}/`, await fresh());
    progress(`hostile: a ${FLOW_NODES}-node flow`);
    const flow = await flowTasks(`${server.url}/`, await fresh()).catch((error: unknown) => {
      // A step that never finishes is a freeze: the rows say so and fail.
      progress(`hostile: the flow did not open: ${error instanceof Error ? error.message : error}`);
      return null;
    });
    const timeRow = (figure: string, ms: number | undefined) =>
      infoRow(figure, ms === undefined ? "did not finish" : formatMs(ms), ms !== undefined);
    const flowRow = (figure: string, ms: number | undefined) =>
      ms === undefined
        ? {
            figure,
            value: `did not finish in ${STEP_TIMEOUT_MS / 1000} s`,
            budget: `< ${formatMs(LONG_TASK_BUDGET_MS)}`,
            ok: false,
          }
        : belowRow(figure, ms, LONG_TASK_BUDGET_MS, formatTask);
    return [
      belowRow("longest task while rendering a 1 MB reply", reply, LONG_TASK_BUDGET_MS, formatTask),
      flowRow("longest task importing a 50,000-node flow", flow?.importing),
      flowRow("longest task reopening a 50,000-node flow", flow?.reopening),
      flowRow(
        "longest task renaming a node of a 50,000-node flow, autosave included",
        flow?.editing,
      ),
      timeRow("importing a 50,000-node flow: file chosen → usable", flow?.importMs),
      timeRow("reopening a 50,000-node flow: reload → usable", flow?.reopenMs),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
