import type { Page } from "@playwright/test";
import {
  canvasNode,
  chat,
  expect,
  inspector,
  selectNode,
  sendMessage,
  test,
  waitForReply,
} from "./fixtures";

const memoryTab = (page: Page) => page.getByRole("tab", { name: "Memory" });
const memoryCard = (page: Page, id: string) => page.getByRole("region", { name: `Memory ${id}` });
const settingsDialog = (page: Page) => page.getByRole("dialog", { name: "Settings" });

/** The names the node's Model box suggests (its datalist). */
const suggestions = (page: Page) =>
  inspector(page)
    .getByRole("combobox", { name: "Model" })
    .evaluate((input) =>
      [...((input as HTMLInputElement).list?.options ?? [])].map((o) => o.value),
    );

async function newFlowFrom(page: Page, template: string) {
  await page.getByRole("button", { name: /^Flows/ }).click();
  await page.getByRole("button", { name: "New flow" }).click();
  await page.getByRole("button", { name: template, exact: true }).click();
}

test("the Model field offers the provider's models, a default per provider, and any typed name", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  // The server in Settings serves every OpenAI-compatible node without its own address.
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByLabel("OpenAI-compatible base URL").fill(`${mockLlm.url}/v1`);
  await settingsDialog(page).getByRole("button", { name: "Close" }).click();

  await selectNode(page, "chat_llm");
  const panel = inspector(page);
  const model = panel.getByRole("combobox", { name: "Model" });
  await panel.getByLabel("Provider").selectOption("openai-compatible");
  await expect(model).toHaveValue("llama3.2");
  const host = new URL(mockLlm.url).host;
  await expect(panel.getByText(`4 models from OpenAI-compatible (${host})`)).toBeVisible();
  expect(await suggestions(page)).toEqual([
    "claude-sonnet-4-5",
    "gemini-2.5-flash",
    "gpt-4o-mini",
    "mock-model",
  ]);
  await expect(panel.getByText("llama3.2 is not among them.")).toBeVisible();
  await model.fill("mock-model");
  await sendMessage(page, "Hello");
  await expect(chat(page).getByText('Mock reply #1 to "Hello"')).toBeVisible();

  // OpenAI without a key: no list, the reason in one line, and the typed name still works.
  await selectNode(page, "chat_llm");
  await panel.getByLabel("Provider").selectOption("openai");
  await expect(model).toHaveValue("gpt-4o-mini");
  await expect(
    panel.getByText(
      "No model list: Enter the API key for OpenAI first. You can still type a name.",
    ),
  ).toBeVisible();
  await model.fill("gpt-5-mini");
  await expect(model).toHaveValue("gpt-5-mini");
  await expect(model).not.toHaveAttribute("aria-invalid", "true");

  // Back on the same server: the list is kept for the session, not fetched again.
  await panel.getByLabel("Provider").selectOption("openai-compatible");
  expect(await suggestions(page)).toContain("mock-model");
  expect(mockLlm.requests.filter((r) => r.path === "/v1/models")).toHaveLength(1);
});

test("clearing a memory asks first, naming it, and can be undone until the next message", async ({
  page,
}) => {
  await page.goto("/");
  await sendMessage(page, "Hi! My name is David");
  await waitForReply(page);
  await memoryTab(page).click();
  const card = memoryCard(page, "chat_llm");
  await expect(card.getByText("2 messages", { exact: true })).toBeVisible();

  await card.getByRole("button", { name: "Clear memory chat_llm" }).click();
  const ask = page.getByRole("alertdialog", { name: "Clear memory chat_llm?" });
  await expect(ask).toContainText("Its 2 messages in the conversation “Hi! My name is David”");
  await ask.getByRole("button", { name: "Clear memory" }).click();
  await expect(card.getByText("Will be empty from your next message")).toBeVisible();
  await page.getByRole("button", { name: "Undo clearing memory chat_llm" }).click();
  await expect(card.getByText("Will be empty from your next message")).toHaveCount(0);

  // Undone: the next message still sees both messages.
  await sendMessage(page, "What is my name?");
  await expect(chat(page).getByText('2 from memory "chat_llm"')).toBeVisible();

  // Confirmed and kept: the next message starts the memory empty.
  await memoryTab(page).click();
  await card.getByRole("button", { name: "Clear memory chat_llm" }).click();
  await page.getByRole("button", { name: "Clear memory", exact: true }).click();
  await sendMessage(page, "And now?");
  // The first reply had no memory yet; the third starts from the cleared one.
  await expect(chat(page).getByText("none from memory")).toHaveCount(2);
});

test("a long memory entry shows one line, and expands and collapses by keyboard or click", async ({
  page,
}) => {
  await page.goto("/");
  const long = `A long message. ${"It goes on and on. ".repeat(20)}`;
  await sendMessage(page, long);
  await waitForReply(page);
  await memoryTab(page).click();
  const card = memoryCard(page, "chat_llm");
  const expand = card.getByRole("button", { name: /^(Expand|Collapse) user message by chat_llm$/ });
  const text = card.locator(".memory-message-text").first();
  const collapsed = (await text.boundingBox())?.height ?? 0;
  expect(collapsed).toBeLessThan(24);

  await expand.focus();
  await page.keyboard.press("Enter");
  await expect(expand).toHaveAttribute("aria-expanded", "true");
  expect((await text.boundingBox())?.height ?? 0).toBeGreaterThan(collapsed * 3);
  await text.click();
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  expect((await text.boundingBox())?.height ?? 0).toBe(collapsed);
});

test("the branch arrows are targets of at least 24 x 24 px, with names", async ({ page }) => {
  await page.goto("/");
  await sendMessage(page, "U1");
  await waitForReply(page);
  await chat(page).getByRole("button", { name: "Regenerate reply 1" }).click();
  await waitForReply(page);
  const versions = chat(page).getByRole("group", { name: "Versions of message 1: 2 of 2" });
  for (const name of ["Previous version", "Next version"]) {
    const box = await versions.getByRole("button", { name }).boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(24);
    expect(box?.height).toBeGreaterThanOrEqual(24);
  }
  await versions.getByRole("button", { name: "Previous version" }).click();
  await expect(
    chat(page).getByRole("group", { name: "Versions of message 1: 1 of 2" }),
  ).toBeVisible();
});

test("Settings closes on a backdrop click, not after a drag out of it, and asks before dropping unsaved text", async ({
  page,
}) => {
  await page.goto("/");
  const open = () => page.getByRole("button", { name: "Settings", exact: true }).click();
  await open();
  const field = page.getByLabel("OpenAI base URL");
  // A press inside (selecting a field's text) that ends on the backdrop keeps it open.
  const box = await field.boundingBox();
  if (!box) throw new Error("no field");
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(5, 5, { steps: 5 });
  await page.mouse.up();
  await expect(settingsDialog(page)).toBeVisible();

  await page.mouse.click(5, 5);
  await expect(settingsDialog(page)).toBeHidden();

  // Text it has not saved is not lost silently: it asks, and Keep editing keeps it.
  await open();
  await field.fill("api.example.com");
  await page.mouse.click(5, 5);
  const ask = page.getByRole("alertdialog", { name: "Close Settings and drop what is not saved?" });
  await expect(ask).toContainText("OpenAI base URL (not valid yet)");
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await expect(settingsDialog(page)).toBeVisible();
  await expect(field).toHaveValue("api.example.com");
  await expect(field).toBeFocused();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Close without them" }).click();
  await expect(settingsDialog(page)).toBeHidden();
});

test("a blank flow says what to do, and opens the templates from the canvas", async ({ page }) => {
  await page.goto("/");
  await expect(canvasNode(page, "chat_llm")).toBeVisible();
  await expect(page.getByRole("region", { name: "This flow is empty" })).toHaveCount(0);
  await newFlowFrom(page, "Blank flow");
  await expect(page.getByRole("button", { name: "Flows: Untitled flow" })).toBeVisible();
  const hint = page.getByRole("region", { name: "This flow is empty" });
  await expect(hint).toContainText("Drag a node from the palette");
  await expect(page.locator(".react-flow__node")).toHaveCount(0);

  await hint.getByRole("button", { name: "Start from a template" }).click();
  const templates = page.getByRole("region", { name: "Start from a template" });
  await expect(templates).toBeVisible();
  await expect(templates.getByRole("button", { name: "Blank flow" })).toBeFocused();
  await page.keyboard.press("Escape");

  // Dropped on the canvas through the hint: the node lands and the hint goes.
  const canvas = page.getByRole("application", { name: "Flow canvas" });
  await page.getByRole("button", { name: "Add Input node" }).dragTo(canvas);
  await expect(canvasNode(page, "input")).toBeVisible();
  await expect(hint).toHaveCount(0);
});

test("each flow keeps its undo history across a switch to another flow and back", async ({
  page,
}) => {
  await page.goto("/");
  await expect(canvasNode(page, "chat_llm")).toBeVisible();
  await page.getByRole("button", { name: "Add Template node" }).click();
  await expect(canvasNode(page, "template")).toBeVisible();

  await newFlowFrom(page, "Window 0");
  await expect(page.getByRole("button", { name: "Flows: Window 0" })).toBeVisible();
  await page.getByRole("button", { name: /^Flows/ }).click();
  await page.getByRole("button", { name: "Open Chat with memory" }).click();
  await expect(canvasNode(page, "template")).toBeVisible();

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(canvasNode(page, "template")).toHaveCount(0);
  await expect(canvasNode(page, "chat_llm")).toBeVisible();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(canvasNode(page, "template")).toBeVisible();
});
