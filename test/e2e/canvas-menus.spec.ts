import type { Locator, Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { canvasNode, expect, test } from "./fixtures";

/*
 * The canvas's context menus (node, connection, pane), quick add from a connection dropped on
 * empty canvas, and the Ctrl/Cmd+K command palette: with the real mouse, and with the keyboard
 * alone.
 */

const canvas = (page: Page) => page.getByRole("application", { name: "Flow canvas" });
const menu = (page: Page) => page.getByRole("menu");
const item = (page: Page, name: string) => menu(page).getByRole("menuitem", { name });
const edge = (page: Page, id: string) => page.locator(`.react-flow__edge[data-id="${id}"]`);
const palette = (page: Page) => page.getByRole("dialog", { name: "Command palette" });

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A right-click with the mouse, at a point on screen. */
async function rightClick(page: Page, at: { x: number; y: number }) {
  await page.mouse.move(at.x, at.y);
  await page.mouse.click(at.x, at.y, { button: "right" });
}

/** An empty spot on the canvas: below the starter flow, clear of the zoom controls. */
async function emptySpot(page: Page) {
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error("no canvas");
  return { x: box.x + box.width / 2, y: box.y + box.height - 170 };
}

/** Drags from a node's handle to a point, with the real mouse moving in steps. */
async function dragFromHandle(
  page: Page,
  nodeId: string,
  handle: "source" | "target",
  to: { x: number; y: number },
) {
  const from = await centre(canvasNode(page, nodeId).locator(`.react-flow__handle.${handle}`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

const nodeIds = (page: Page) =>
  page.locator(".react-flow__node").evaluateAll((els) => els.map((el) => el.dataset.id).sort());

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(canvasNode(page, "chat_llm")).toBeVisible();
});

test("node menu with the mouse: duplicate, copy and paste, disconnect, delete", async ({
  page,
}) => {
  await rightClick(page, await centre(canvasNode(page, "chat_llm")));
  await expect(menu(page)).toHaveAccessibleName("Node chat_llm");
  // The browser's own menu is not shown over ours: the event was taken.
  await item(page, "Duplicate").click();
  await expect(menu(page)).toBeHidden();
  await expect(canvasNode(page, "chat_llm_2")).toBeVisible();

  // The copy is a node without connections: nothing to disconnect.
  await rightClick(page, await centre(canvasNode(page, "chat_llm_2")));
  await expect(item(page, "Disconnect")).toHaveAttribute("aria-disabled", "true");
  // A disabled line does nothing, and the menu stays open.
  await item(page, "Disconnect").dispatchEvent("click");
  await expect(menu(page)).toBeVisible();
  await item(page, "Copy").click();

  // Paste from the pane's menu.
  await rightClick(page, await emptySpot(page));
  await expect(menu(page)).toHaveAccessibleName("Canvas");
  await item(page, "Paste").click();
  await expect(canvasNode(page, "chat_llm_3")).toBeVisible();

  // Disconnect takes every connection of the node, and nothing else. (Its copies overlap its
  // lower right: the click goes to its top left corner.)
  await expect(edge(page, "input->chat_llm")).toHaveCount(1);
  const original = await canvasNode(page, "chat_llm").boundingBox();
  if (!original) throw new Error("chat_llm not on screen");
  await rightClick(page, { x: original.x + 12, y: original.y + 12 });
  await expect(menu(page)).toHaveAccessibleName("Node chat_llm");
  await item(page, "Disconnect").click();
  await expect(edge(page, "input->chat_llm")).toHaveCount(0);
  await expect(edge(page, "chat_llm->output")).toHaveCount(0);
  await expect(canvasNode(page, "chat_llm")).toBeVisible();

  await rightClick(page, await centre(canvasNode(page, "chat_llm_3")));
  await item(page, "Delete").click();
  await expect(canvasNode(page, "chat_llm_3")).toHaveCount(0);
  // One undo brings the deleted node back: the menu's edits are ordinary edits.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(canvasNode(page, "chat_llm_3")).toBeVisible();
});

test("the canvas menu's Add note puts a sticky note where it was clicked, open for typing", async ({
  page,
}) => {
  const spot = await emptySpot(page);
  await rightClick(page, spot);
  await item(page, "Add note").click();
  const note = page.locator(".react-flow__node-note");
  await expect(note).toHaveCount(1);
  await page.keyboard.type("Remember **this**");
  await page.keyboard.press("Escape");
  await expect(note.locator("strong")).toHaveText("this");
  const box = await note.boundingBox();
  if (!box) throw new Error("the note is not on screen");
  // Centred on the click (a little slack for the canvas's snapping grid).
  expect(Math.abs(box.x + box.width / 2 - spot.x)).toBeLessThan(30);
  expect(Math.abs(box.y + box.height / 2 - spot.y)).toBeLessThan(30);
});

test("the node menu's Run from here… opens that node's run form", async ({ page }) => {
  await rightClick(page, await centre(canvasNode(page, "chat_llm")));
  await item(page, "Run from here…").click();
  await expect(menu(page)).toBeHidden();
  const form = page.getByRole("dialog", { name: /from here/ });
  await expect(form).toBeVisible();
  await expect(form).toContainText("chat_llm");
});

test("connection and pane menus with the mouse", async ({ page }) => {
  await rightClick(page, await centre(edge(page, "chat_llm->output")));
  await expect(menu(page)).toHaveAccessibleName("Connection chat_llm to output");
  await item(page, "Delete connection").click();
  await expect(edge(page, "chat_llm->output")).toHaveCount(0);
  await expect(edge(page, "input->chat_llm")).toHaveCount(1);

  const spot = await emptySpot(page);
  await rightClick(page, spot);
  // The flow has its Input node: a second one is offered, but cannot be added.
  await expect(item(page, "Add Input node")).toHaveAttribute("aria-disabled", "true");
  await expect(item(page, "Auto-layout")).toBeVisible();
  await expect(item(page, "Fit view")).toBeVisible();
  await item(page, "Add Template node").click();
  // Added where the menu was opened.
  const added = await centre(canvasNode(page, "template"));
  expect(Math.abs(added.x - spot.x)).toBeLessThan(60);
  expect(Math.abs(added.y - spot.y)).toBeLessThan(60);

  // A click elsewhere closes a menu and does nothing else.
  await rightClick(page, spot);
  await expect(menu(page)).toBeVisible();
  // Empty canvas well clear of the menu (which opens above a point near the bottom).
  const pane = await canvas(page).boundingBox();
  if (!pane) throw new Error("no canvas");
  await page.mouse.click(pane.x + 40, pane.y + 150);
  await expect(menu(page)).toBeHidden();
  expect(await nodeIds(page)).toEqual(["chat_llm", "input", "output", "template"]);
});

test("menus from the keyboard: Shift+F10 and the ContextMenu key on a focused node", async ({
  page,
}) => {
  const node = canvasNode(page, "chat_llm");
  await node.focus();
  await page.keyboard.press("Shift+F10");
  await expect(menu(page)).toHaveAccessibleName("Node chat_llm");
  await expect(item(page, "Duplicate")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(item(page, "Copy")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  // Wraps round to the last line.
  await expect(item(page, "Delete")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(item(page, "Duplicate")).toBeFocused();
  await page.keyboard.press("End");
  await expect(item(page, "Delete")).toBeFocused();
  // Delete pressed in the menu is the menu's key, not the canvas's shortcut.
  await page.keyboard.press("Delete");
  await expect(node).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu(page)).toBeHidden();
  await expect(node).toBeFocused();
  expect(await nodeIds(page)).toEqual(["chat_llm", "input", "output"]);

  await page.keyboard.press("ContextMenu");
  await expect(item(page, "Duplicate")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu(page)).toBeHidden();
  await expect(canvasNode(page, "chat_llm_2")).toBeVisible();
  await expect(node).toBeFocused();

  // A connection's menu, from the keyboard too.
  await edge(page, "input->chat_llm").focus();
  await page.keyboard.press("Shift+F10");
  await expect(item(page, "Delete connection")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(edge(page, "input->chat_llm")).toHaveCount(0);
});

test("quick add: a connection dropped on empty canvas adds a node already connected", async ({
  page,
}) => {
  const spot = await emptySpot(page);
  await dragFromHandle(page, "chat_llm", "source", spot);
  await expect(menu(page)).toHaveAccessibleName("Add a node after chat_llm");
  // Downstream of an output: every kind that takes connections in, no Input node.
  await expect(menu(page).getByRole("menuitem")).toHaveText([
    "LLM node",
    "Template node",
    "Output node",
  ]);
  await expect(item(page, "LLM node")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(canvasNode(page, "template")).toBeVisible();
  await expect(edge(page, "chat_llm->template")).toHaveCount(1);
  // Its input handle is where the line was dropped.
  const handle = await centre(canvasNode(page, "template").locator(".react-flow__handle.target"));
  expect(Math.abs(handle.x - spot.x)).toBeLessThan(30);
  // One undo takes back the node and its connection together.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(canvasNode(page, "template")).toHaveCount(0);
  await expect(edge(page, "chat_llm->template")).toHaveCount(0);

  // Upstream of an input: the flow has its Input node, so no second one is offered.
  await dragFromHandle(page, "output", "target", spot);
  await expect(menu(page)).toHaveAccessibleName("Add a node before output");
  await expect(menu(page).getByRole("menuitem")).toHaveText(["LLM node", "Template node"]);
  // Escape adds nothing.
  await page.keyboard.press("Escape");
  await expect(menu(page)).toBeHidden();
  expect(await nodeIds(page)).toEqual(["chat_llm", "input", "output"]);

  await dragFromHandle(page, "output", "target", spot);
  await item(page, "LLM node").click();
  await expect(edge(page, "llm->output")).toHaveCount(1);
});

test("command palette: Ctrl+K, search, arrow keys, Enter, Escape", async ({ page }) => {
  const fitView = page.getByRole("button", { name: "Fit view", exact: true });
  await fitView.focus();
  await page.keyboard.press("Control+k");
  await expect(palette(page)).toBeVisible();
  const search = palette(page).getByRole("combobox", { name: "Search nodes and actions" });
  await expect(search).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(palette(page)).toBeHidden();
  await expect(fitView).toBeFocused();

  // Go to a node: it is selected, its settings open, and focus is on it.
  await page.keyboard.press("Control+k");
  await search.fill("go out");
  await expect(palette(page).getByRole("option")).toHaveText(["Go to outputOutput node"]);
  await page.keyboard.press("Enter");
  await expect(palette(page)).toBeHidden();
  await expect(canvasNode(page, "output")).toBeFocused();
  await expect(canvasNode(page, "output")).toHaveClass(/selected/);

  // Arrow keys choose among several; Enter runs the chosen one.
  await page.keyboard.press("Control+k");
  await search.fill("add node");
  const options = palette(page).getByRole("option");
  await expect(options).toHaveText(["Add LLM node", "Add Template node", "Add Output node"]);
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(options.nth(2)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(canvasNode(page, "output_2")).toBeVisible();

  // Actions: undo that add.
  await page.keyboard.press("Control+k");
  await search.fill("undo");
  await page.keyboard.press("Enter");
  await expect(canvasNode(page, "output_2")).toHaveCount(0);

  await page.keyboard.press("Control+k");
  await search.fill("zzz");
  await expect(palette(page)).toContainText('Nothing matches "zzz".');
});

test("the keyboard shortcuts list names the palette and the menu keys", async ({ page }) => {
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("?");
  const list = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(list.getByRole("row", { name: /Ctrl\+K/ })).toContainText("node to add or go to");
  await expect(list.getByRole("row", { name: /Shift\+F10/ })).toContainText("Menu of the focused");
});

test("a menu stays on screen on a phone", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto("/");
  await page.getByRole("button", { name: "Canvas", exact: true }).click();
  await expect(canvasNode(page, "chat_llm")).toBeVisible();
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error("no canvas");
  // Opened at the canvas's bottom-right corner: the menu goes left of and above the point.
  await rightClick(page, { x: box.x + box.width - 4, y: box.y + box.height - 60 });
  const opened = await menu(page).boundingBox();
  if (!opened) throw new Error("no menu");
  expect(opened.x).toBeGreaterThanOrEqual(0);
  expect(opened.x + opened.width).toBeLessThanOrEqual(390);
  expect(opened.y).toBeGreaterThanOrEqual(0);
  expect(opened.y + opened.height).toBeLessThanOrEqual(844);
  await expect(item(page, "Fit view")).toBeInViewport({ ratio: 1 });
  await page.close();
});

for (const [width, height] of [
  [1440, 860],
  [1024, 700],
  [390, 844],
] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`no serious accessibility violations with a menu or the palette open at ${width} px (${colorScheme})`, async ({
      browser,
    }) => {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme });
      await page.goto("/");
      if (width === 390) await page.getByRole("button", { name: "Canvas", exact: true }).click();
      const node = canvasNode(page, "chat_llm");
      await expect(node).toBeVisible();
      await node.focus();
      await page.keyboard.press("Shift+F10");
      await expect(item(page, "Duplicate")).toBeFocused();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");

      await dragFromHandle(page, "chat_llm", "source", await emptySpot(page));
      await expect(item(page, "LLM node")).toBeFocused();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");

      await page.keyboard.press("Control+k");
      await palette(page).getByRole("combobox").fill("go");
      await expect(palette(page).getByRole("option").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
}
