import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Download, Locator, Page } from "@playwright/test";
import type { MockLlmServer } from "../mock-llm/mockLlmServer";
import { seriousViolations } from "./axe";
import {
  canvasNode,
  chat,
  completionMessages,
  expect,
  inspector,
  openTab,
  sendMessage,
  test,
  useOpenAiCompatible,
  waitForReply,
} from "./fixtures";

/*
 * Flow files through the Flows menu, the canvas and the clipboard, as a user would use them:
 * export, preview and import, refusals, the Python export, file drops, copy and paste.
 */

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

/** A key typed in the inspector: it must reach the provider and never a file. */
const SECRET = "sk-test-never-in-a-file-4242";

/** Opens the Flows menu (its trigger names the open flow) and returns its panel. */
async function flowsMenu(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: /^Flows: / }).click();
  const menu = page.getByRole("dialog", { name: "Flows" });
  await expect(menu).toBeVisible();
  return menu;
}

async function startFrom(page: Page, template: string) {
  const menu = await flowsMenu(page);
  await menu.getByRole("button", { name: "New flow" }).click();
  await menu.getByRole("button", { name: template, exact: true }).click();
  await expect(page.getByRole("button", { name: `Flows: ${template}` })).toBeVisible();
}

/** Clicks a button that downloads a file; returns the download and its text. */
async function download(page: Page, button: Locator): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { file, text: await readFile(await file.path(), "utf8") };
}

/** What each completion request carried, the system prompt left out. */
const received = (mockLlm: MockLlmServer) => completionMessages(mockLlm, { system: false });

const reply = (n: number, text: string) => `assistant: Mock reply #${n} to "${text}"`;

test("export a flow with shared memory, then import the file as a new flow that remembers the same way", async ({
  page,
  mockLlm,
}) => {
  const name = "Two LLMs sharing one memory";
  await page.goto("/");
  await startFrom(page, name);
  await useOpenAiCompatible(page, "llm1", `${mockLlm.url}/v1`);
  await useOpenAiCompatible(page, "llm2", `${mockLlm.url}/v1`);
  // The key is bound to the server set for it in Settings: the same one the nodes call.
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByLabel("OpenAI-compatible base URL").fill(`${mockLlm.url}/v1`);
  await page.getByRole("button", { name: "Close" }).click();
  await inspector(page).getByLabel("API key").fill(SECRET);
  await sendMessage(page, "U1");
  await waitForReply(page);
  await expect(
    chat(page).getByText('Mock reply #2 to "Summarize: Mock reply #1 to "U1""'),
  ).toBeVisible();
  // The key was really in use: it went to the provider with each call.
  expect(mockLlm.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`);

  // The flow alone, by default.
  let menu = await flowsMenu(page);
  const bare = await download(page, menu.getByRole("button", { name: "Export flow" }));
  expect(bare.file.suggestedFilename()).toBe("two-llms-sharing-one-memory.flow.json");
  const flowOnly = JSON.parse(bare.text);
  expect(flowOnly).toMatchObject({ schema: "llm-flow-studio/flow", version: 3, name });
  expect(flowOnly).not.toHaveProperty("conversations");

  // With conversations and memories: still no key anywhere.
  await menu.getByRole("checkbox", { name: "Include conversations and memories" }).check();
  const full = await download(page, menu.getByRole("button", { name: "Export flow" }));
  for (const text of [bare.text, full.text]) {
    expect(text).not.toMatch(/api_?key/i);
    expect(text).not.toContain(SECRET);
  }
  const file = JSON.parse(full.text);
  expect(file).toMatchObject({ schema: "llm-flow-studio/flow", version: 3, name });
  expect(file.nodes.map((n: { id: string }) => n.id)).toEqual(["input", "llm1", "llm2", "output"]);
  expect(file.conversations.conversations).toHaveLength(1);
  expect(file.conversations.runs).toHaveLength(1);
  expect(
    file.conversations.memoryMessages.map((m: { memoryId: string; content: string }) => [
      m.memoryId,
      m.content,
    ]),
  ).toEqual([
    ["shared_memory", "U1"],
    ["shared_memory", 'Mock reply #1 to "U1"'],
    ["shared_memory", 'Summarize: Mock reply #1 to "U1"'],
    ["shared_memory", 'Mock reply #2 to "Summarize: Mock reply #1 to "U1""'],
  ]);

  // Import the flow alone back (a file with conversations restores them too: see
  // faults/backup-restore.spec.ts): previewed first, then saved as a new flow under a free name.
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    menu.getByRole("button", { name: "Import flow" }).click(),
  ]);
  await chooser.setFiles({
    name: bare.file.suggestedFilename(),
    mimeType: "application/json",
    buffer: Buffer.from(bare.text),
  });
  const preview = page.getByRole("dialog", { name: `Import ${name}` });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("listitem")).toHaveText(["shared_memory, used by llm1, llm2"]);
  await expect(preview).toContainText("4 (1 Input, 2 LLM, 1 Output)");
  await expect(preview).not.toContainText("conversation");
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByRole("button", { name: `Flows: ${name} (2)` })).toBeFocused();
  await expect(canvasNode(page, "llm2")).toBeVisible();

  menu = await flowsMenu(page);
  await expect(menu.getByRole("listitem")).toHaveCount(3);
  await page.keyboard.press("Escape");

  // The copy starts a fresh conversation and shares its memory exactly as the original did.
  await sendMessage(page, "U2");
  await waitForReply(page);
  expect(received(mockLlm).slice(2)).toEqual([
    ["user: U2"],
    ["user: U2", reply(3, "U2"), 'user: Summarize: Mock reply #3 to "U2"'],
  ]);
});

test("a bad file is refused with the path of each problem, and no flow is added", async ({
  page,
}) => {
  await page.goto("/");
  const menu = await flowsMenu(page);
  const rows = menu.getByRole("listitem");
  await expect(rows).toHaveCount(1);
  expect((await seriousViolations(page, ".flow-menu-panel")).map((v) => v.id)).toEqual([]);
  const before = await rows.allTextContents();

  await menu.locator('input[type="file"]').setInputFiles(fixture("bad-flows/window-negative.json"));
  const refusal = page.getByRole("dialog", { name: "Cannot import window-negative.json" });
  await expect(refusal.getByRole("listitem")).toHaveText([
    "nodes[1].config.memoryWindowSize: must be a whole number >= 0",
  ]);
  await expect(refusal.getByRole("button", { name: "Import" })).toHaveCount(0);
  expect((await seriousViolations(page, "dialog[open]")).map((v) => v.id)).toEqual([]);
  // The Flows panel closed when the dialog opened: nothing stays open behind a dialog.
  await expect(menu).toBeHidden();
  await refusal.getByRole("button", { name: "Close" }).click();
  await expect(refusal).toBeHidden();

  await flowsMenu(page);
  await expect(rows).toHaveText(before);
  await expect(page.getByRole("button", { name: "Flows: Chat with memory" })).toBeVisible();
  // Nothing was saved behind the dialog either.
  await page.reload();
  await expect(await flowsMenu(page).then((m) => m.getByRole("listitem"))).toHaveCount(1);
});

test("export as Python downloads a Timbal module", async ({ page }) => {
  await page.goto("/");
  const menu = await flowsMenu(page);
  const python = await download(page, menu.getByRole("button", { name: "Export as Python" }));
  expect(python.file.suggestedFilename()).toBe("chat_with_memory.py");
  expect(python.text).toContain("add_llm(");
  expect(python.text).toContain('memory_id="chat_llm"');
  // Runnable as it is: a send() that carries memory from one turn to the next.
  expect(python.text).toContain("async def send(prompt: str, parent_id: str | None = None):");
});

/** Drops a file on the canvas as the desktop would: dragover, then drop, with the file in it. */
async function dropOnCanvas(page: Page, path: string, name: string) {
  const text = await readFile(path, "utf8");
  await page.locator(".react-flow__pane").evaluate(
    (pane, { text, name }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: "application/json" }));
      const at = pane.getBoundingClientRect();
      const point = { clientX: at.left + 40, clientY: at.top + 40, bubbles: true };
      pane.dispatchEvent(new DragEvent("dragover", { ...point, dataTransfer: data }));
      pane.dispatchEvent(new DragEvent("drop", { ...point, dataTransfer: data }));
    },
    { text, name },
  );
}

test("a flow file dropped on the canvas is previewed, then imported only on Import", async ({
  page,
}) => {
  await page.goto("/");
  await expect(canvasNode(page, "chat_llm")).toBeVisible();
  const file = fixture("flows/chat-without-memory.flow.json");

  await dropOnCanvas(page, file, "chat-without-memory.flow.json");
  const preview = page.getByRole("dialog", { name: "Import Chat without memory" });
  await expect(preview).toContainText("None: every LLM starts fresh");
  expect((await seriousViolations(page, "dialog[open]")).map((v) => v.id)).toEqual([]);
  await preview.getByRole("button", { name: "Cancel" }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByRole("button", { name: "Flows: Chat with memory" })).toBeVisible();

  await dropOnCanvas(page, file, "chat-without-memory.flow.json");
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("button", { name: "Flows: Chat without memory" })).toBeVisible();

  // Palette drops still add nodes.
  await page.getByRole("button", { name: "Add Template node" }).press("Enter");
  await expect(canvasNode(page, "template")).toBeVisible();
});

test("nodes copy to the system clipboard as flow JSON and paste back with fresh ids", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await canvasNode(page, "chat_llm").click();
  await page.keyboard.press("Control+c");
  // A Ctrl+C this soon after the first selection may come before the flow-file writer has
  // loaded: the clipboard is then written a moment later. (It is the browser's, shared with
  // this worker's earlier tests, so an older copy may be read until then.)
  let copied: { nodes: { id: string }[] } = { nodes: [] };
  await expect
    .poll(async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      copied = text.startsWith("{") ? JSON.parse(text) : { nodes: [] };
      return copied.nodes.map((n) => n.id);
    })
    .toEqual(["chat_llm"]);
  expect(copied).toMatchObject({ schema: "llm-flow-studio/flow", version: 3, edges: [] });

  await page.keyboard.press("Control+v");
  await expect(canvasNode(page, "chat_llm_2")).toBeVisible();
  await expect(canvasNode(page, "chat_llm_2")).toHaveClass(/selected/);

  // JSON from elsewhere (another tab, an editor): a free id is kept, connections come along.
  const nodes = page.locator(".react-flow__node");
  const count = await nodes.count();
  const clip = (text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await clip("just some words");
  await page.keyboard.press("Control+v");
  await clip('{ "hello": "not a flow" }');
  await page.keyboard.press("Control+v");
  await clip(
    JSON.stringify({
      nodes: [
        { id: "notes", type: "template", position: { x: 0, y: 400 }, config: { template: "a" } },
        { id: "shout", type: "template", position: { x: 300, y: 400 }, config: {} },
      ],
      edges: [{ source: "notes", target: "shout" }],
    }),
  );
  await page.keyboard.press("Control+v");
  await expect(canvasNode(page, "shout")).toBeVisible();
  // Only the flow JSON added anything, and the text that was not a flow raised no message.
  await expect(nodes).toHaveCount(count + 2);
  await expect(page.locator('.react-flow__edge[data-id="notes->shout"]')).toHaveCount(1);
  await expect(page.locator(".canvas-notice")).toHaveCount(0);

  // In a text field, paste is the field's: no nodes.
  await openTab(page, "Chat");
  await chat(page).getByRole("textbox", { name: "Message" }).focus();
  await page.keyboard.press("Control+v");
  await expect(chat(page).getByRole("textbox", { name: "Message" })).toHaveValue(/"notes"/);
  await expect(nodes).toHaveCount(count + 2);
});
