import type { Locator, Page } from "@playwright/test";
import {
  canvasNode,
  chat,
  expect,
  inspector,
  savedFlows,
  savedNode,
  selectNode,
  test,
} from "./fixtures";

const canvas = (page: Page) => page.getByRole("application", { name: "Flow canvas" });

/** Drags from one node's output handle to another's input handle, as a user connects them. */
async function connect(page: Page, source: string, target: string) {
  const from = canvasNode(page, source).locator(".react-flow__handle.source");
  const to = canvasNode(page, target).locator(".react-flow__handle.target");
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error("handle not visible");
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

const badgeColor = (node: Locator) =>
  node
    .locator(".memory-badge")
    .evaluate((el) => getComputedStyle(el).getPropertyValue("--memory-color").trim());

test("build a flow by hand: drag nodes, connect them, share a memory, undo and redo, reload", async ({
  page,
}) => {
  await page.goto("/");
  await expect(canvasNode(page, "chat_llm")).toBeVisible();

  // Drag an LLM node from the palette onto the empty lower part of the canvas.
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error("no canvas");
  await page.getByRole("button", { name: "Add LLM node" }).dragTo(canvas(page), {
    targetPosition: { x: box.width / 2, y: box.height - 150 },
  });
  await expect(canvasNode(page, "llm")).toBeVisible();
  await expect(canvasNode(page, "llm")).toContainText("no memory");

  await connect(page, "input", "llm");
  await expect(page.locator('.react-flow__edge[data-id="input->llm"]')).toHaveCount(1);

  // A cycle is refused at once, with a message.
  await connect(page, "chat_llm", "llm");
  await connect(page, "llm", "chat_llm");
  await expect(page.getByRole("alert")).toContainText("would make a cycle");
  await expect(page.locator('.react-flow__edge[data-id="llm->chat_llm"]')).toHaveCount(0);

  // Share chat_llm's memory with a window of 5, in the side panel.
  await selectNode(page, "llm");
  const panel = inspector(page);
  await panel.getByRole("checkbox", { name: "Use memory" }).check();
  await expect(panel.getByRole("combobox", { name: "Memory ID" })).toHaveValue("llm");
  await panel.getByRole("combobox", { name: "Memory ID" }).fill("chat_llm");
  await panel.getByLabel("Memory window size").fill("5");
  await expect(canvasNode(page, "llm")).toContainText("last 5 messages");
  await expect(panel.getByText("Shared with chat_llm")).toBeVisible();

  // The shared memory has one colour on both nodes; a memory of its own gets another.
  const shared = await badgeColor(canvasNode(page, "chat_llm"));
  expect(shared).not.toBe("");
  expect(await badgeColor(canvasNode(page, "llm"))).toBe(shared);
  await expect(page.getByRole("complementary", { name: "Nodes and memory" })).toContainText(
    "2 nodes share it",
  );

  // Undo the window, then redo it.
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(canvasNode(page, "llm")).toContainText("all messages");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(canvasNode(page, "llm")).toContainText("last 5 messages");

  // Everything autosaves: once saved, a reload finds the flow as it was.
  await expect
    .poll(async () => (await savedFlows(page))[0]?.flow)
    .toMatchObject({
      nodes: expect.arrayContaining([
        expect.objectContaining({
          id: "llm",
          config: expect.objectContaining({ memoryId: "chat_llm", memoryWindowSize: 5 }),
        }),
      ]),
      edges: expect.arrayContaining([
        { source: "input", target: "llm" },
        { source: "chat_llm", target: "llm" },
      ]),
    });
  await page.reload();
  await expect(canvasNode(page, "llm")).toContainText("last 5 messages");
  await expect(page.locator('.react-flow__edge[data-id="input->llm"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="chat_llm->llm"]')).toHaveCount(1);
  expect(await badgeColor(canvasNode(page, "llm"))).toBe(
    await badgeColor(canvasNode(page, "chat_llm")),
  );
});

test("keyboard: add a node from the palette, duplicate, delete and undo with shortcuts", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Add Template node" }).press("Enter");
  await expect(canvasNode(page, "template")).toBeVisible();
  await canvasNode(page, "template").click();
  await page.keyboard.press("Control+d");
  await expect(canvasNode(page, "template_2")).toBeVisible();
  await page.keyboard.press("Delete");
  await expect(canvasNode(page, "template_2")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(canvasNode(page, "template_2")).toBeVisible();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
});

test("renaming a node updates the templates that use it", async ({ page }) => {
  await page.goto("/");
  await selectNode(page, "chat_llm");
  const id = inspector(page).getByLabel("Node id");
  await id.fill("assistant");
  await id.press("Enter");
  await expect(canvasNode(page, "assistant")).toBeVisible();
  await selectNode(page, "output");
  await expect(inspector(page).getByLabel("Value")).toHaveValue("{{assistant}}");
  await expect(page.getByRole("complementary", { name: "Nodes and memory" })).toContainText(
    "No problems",
  );
});

test("flows: start from a template, rename it, and find both flows after a reload", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Flows: Chat with memory" }).click();
  await page.getByRole("button", { name: "New flow" }).click();
  await page.getByRole("button", { name: "Summarize, then answer" }).click();
  await expect(canvasNode(page, "summarizer")).toBeVisible();
  // The menu closes once the new flow is open: a click on its button before then would close it.
  const menu = page.getByRole("button", { name: "Flows: Summarize, then answer" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await page.getByRole("button", { name: "Rename Summarize, then answer" }).click();
  await page.getByLabel("Flow name").fill("My summarizer");
  await page.getByLabel("Flow name").press("Enter");
  // The header shows the new name at once, the list only once the rename is saved. A reload
  // before then aborts the save (the page's IndexedDB transactions die with it), and an Escape
  // would land in the still-open name field instead of closing the menu.
  await expect(page.getByRole("button", { name: "Rename My summarizer" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Rename My summarizer" })).toBeHidden();
  await page.reload();
  await expect(page.getByRole("button", { name: "Flows: My summarizer" })).toBeVisible();
  await expect(canvasNode(page, "summarizer")).toBeVisible();
  await page.getByRole("button", { name: "Flows: My summarizer" }).click();
  await expect(page.getByRole("button", { name: "Open Chat with memory" })).toBeVisible();
});

test("keyboard alone: connect and disconnect nodes from the side panel", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Add LLM node" }).press("Enter");
  await expect(canvasNode(page, "llm")).toBeVisible();
  const panel = inspector(page);
  await panel.getByLabel("Connect from").selectOption("input");
  await panel.getByRole("button", { name: "Connect", exact: true }).press("Enter");
  await expect(page.locator('.react-flow__edge[data-id="input->llm"]')).toHaveCount(1);
  await panel.getByRole("button", { name: "Disconnect input" }).press("Enter");
  await expect(page.locator('.react-flow__edge[data-id="input->llm"]')).toHaveCount(0);
});

test("dragging a node is one undo step, and where it is dropped is saved", async ({ page }) => {
  await page.goto("/");
  const node = canvasNode(page, "output");
  await expect.poll(() => savedNode(page, "output")).toBeDefined();
  const saved = (await savedNode(page, "output"))?.position ?? { x: 0, y: 0 };
  const before = await node.boundingBox();
  if (!before) throw new Error("node not visible");
  const offset = async () =>
    Math.round(((await canvasNode(page, "output").boundingBox())?.y ?? 0) - before.y);
  await page.mouse.move(before.x + 20, before.y + 10);
  await page.mouse.down();
  await page.mouse.move(before.x + 60, before.y + 110, { steps: 12 });
  await page.mouse.up();
  expect(await offset()).toBeGreaterThan(60);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(offset).toBe(0);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect.poll(offset).toBeGreaterThan(60);
  // Dropped lower down: wait until that is what is saved.
  await expect
    .poll(async () => (await savedNode(page, "output"))?.position.y ?? 0)
    .toBeGreaterThan(saved.y);
  const dropped = (await savedNode(page, "output"))?.position;
  expect(dropped?.y).toBeGreaterThan(saved.y + 60);
  await page.reload();
  await expect(canvasNode(page, "output")).toBeVisible();
  // Drawn where it was dropped, in the flow's own coordinates: the view is fitted anew to the
  // flow (now taller) on a reload, so its place on screen is not what it was before the drag.
  const drawnAt = await canvasNode(page, "output").evaluate(
    (el) => (el as HTMLElement).style.transform,
  );
  expect(drawnAt).toBe(`translate(${dropped?.x}px, ${dropped?.y}px)`);
});

test("two tabs on one flow: a save in one shows in the other, and the other's next edit builds on it", async ({
  page,
  context,
}) => {
  await page.goto("/");
  await expect(canvasNode(page, "chat_llm")).toBeVisible();
  const other = await context.newPage();
  await other.goto("/");
  await expect(canvasNode(other, "chat_llm")).toBeVisible();

  // The other tab saves first: this tab, with no edits of its own, shows it without a reload.
  await selectNode(other, "chat_llm");
  await inspector(other).getByLabel("Memory window size").fill("3");
  await expect
    .poll(async () => (await savedNode(other, "chat_llm"))?.config)
    .toMatchObject({ memoryWindowSize: 3 });
  await expect(canvasNode(page, "chat_llm")).toContainText("last 3 messages");

  // This tab's edit builds on that version: saved, not refused (conflicts: faults/two-tabs).
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("Memory window size").fill("7");
  await expect
    .poll(async () => (await savedNode(page, "chat_llm"))?.config)
    .toMatchObject({ memoryWindowSize: 7 });
  await expect(canvasNode(other, "chat_llm")).toContainText("last 7 messages");
  await page.reload();
  await expect(canvasNode(page, "chat_llm")).toContainText("last 7 messages");
});

test("the editor keeps kinds honest: one Input node, no connection out of an Output, new nodes in free space, a click opens a node's settings", async ({
  page,
}) => {
  await page.goto("/");
  await expect(canvasNode(page, "chat_llm")).toBeVisible();
  // The flow has its Input node: the palette offers no second one.
  await expect(page.getByRole("button", { name: "Add Input node" })).toBeDisabled();

  // Two nodes added at the centre do not land on each other, nor on the flow's own nodes.
  const addTemplate = page.getByRole("button", { name: "Add Template node" });
  await addTemplate.click();
  await addTemplate.click();
  await expect(canvasNode(page, "template_2")).toBeVisible();
  const boxes = await page
    .locator(".react-flow__node")
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart =
        a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(true);
    }
  }

  // The template's Inputs list offers the nodes that give an output, never the Output node.
  await selectNode(page, "template");
  const from = inspector(page).getByLabel("Connect from");
  await expect(from.locator("option")).toHaveText(["input", "chat_llm", "template_2"]);

  // With the node still selected, the Chat tab open, a click on it opens its settings again.
  await page.getByRole("tab", { name: "Chat" }).click();
  await canvasNode(page, "template").click();
  await expect(page.getByRole("tab", { name: "Node" })).toHaveAttribute("aria-selected", "true");
});

test("the base URL set in Settings serves every node of that provider that has none", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByLabel("OpenAI-compatible base URL").fill(`${mockLlm.url}/v1`);
  await page.getByRole("button", { name: "Close" }).click();
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("Provider").selectOption("openai-compatible");
  await inspector(page).getByLabel("Model").fill("mock-model");
  // No base URL on the node, and no problem: Settings supplies it.
  await expect(inspector(page).getByLabel("Base URL")).toHaveValue("");
  await expect(page.getByText("No problems")).toBeVisible();
  await page.getByRole("tab", { name: "Chat" }).click();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("Hello");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(chat(page).getByText('Mock reply #1 to "Hello"')).toBeVisible();
});

test("a long problem wraps inside the Problems column instead of being cut off", async ({
  page,
}) => {
  await page.goto("/");
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("Provider").selectOption("openai-compatible");
  const section = page.getByRole("region", { name: "Problems" });
  const message = section.locator(".problem-message").first();
  await expect(message).toContainText("http://localhost:11434/v1");
  // The message ends inside the column that holds it: nothing runs off to the right.
  const column = await section.boundingBox();
  const text = await message.boundingBox();
  if (!column || !text) throw new Error("the Problems list is not on screen");
  expect(text.x + text.width).toBeLessThanOrEqual(column.x + column.width + 0.5);
});
