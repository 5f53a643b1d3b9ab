import type { Page } from "@playwright/test";
import { STORE } from "../../src/storage/dbSchema";
import { axeViolations } from "./axe";
import { canvasNode, chat, expect, inspector, selectNode, test, waitForReply } from "./fixtures";
import {
  bigFlowFile,
  chainFlowFile,
  importFlowFile,
  openTemplate,
  readableCanvas,
} from "./screensSupport";
import { storedRecords } from "./storedRecords";

const panelToggle = (page: Page, name: "nodes and memory" | "chat and node") =>
  page.getByRole("button", { name: `Show the ${name} panel` });
const canvasWidth = async (page: Page) =>
  (await page.locator(".canvas-area").boundingBox())?.width ?? 0;

/** The panel layout as saved in this browser's settings: what a reload finds. */
async function savedLayout(page: Page): Promise<{ right: number } | undefined> {
  const values = await storedRecords<unknown>(page, STORE.settings);
  return values.find(
    (v): v is { right: number } =>
      typeof v === "object" && v !== null && "right" in v && "rightCollapsed" in v,
  );
}

test.describe("at 1024 x 700", () => {
  test.use({ viewport: { width: 1024, height: 700 }, reducedMotion: "reduce" });

  test("the canvas is at least 500 px wide; the side panels collapse and resize, and stay so after a reload", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(canvasNode(page, "chat_llm")).toBeVisible();
    expect(await canvasWidth(page)).toBeGreaterThanOrEqual(500);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBe(1024);

    // Hide the palette column: the canvas takes its room.
    await panelToggle(page, "nodes and memory").click();
    await expect(page.getByRole("complementary", { name: "Nodes and memory" })).toBeHidden();
    await expect(panelToggle(page, "nodes and memory")).toHaveAttribute("aria-pressed", "false");
    expect(await canvasWidth(page)).toBeGreaterThan(560);

    // Drag the chat panel's gutter 120 px left, with the mouse: the panel widens until the
    // canvas is down to its 500 px.
    const gutter = page.getByRole("separator", { name: "Resize the chat and node panel" });
    const side = page.locator(".side-panel");
    const before = (await side.boundingBox())?.width ?? 0;
    const box = await gutter.boundingBox();
    if (!box) throw new Error("no gutter on screen");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (const dx of [30, 60, 90, 120]) {
      await page.mouse.move(box.x + box.width / 2 - dx, box.y + box.height / 2);
    }
    await page.mouse.up();
    const after = (await side.boundingBox())?.width ?? 0;
    expect(after).toBeGreaterThan(before + 40);
    expect(await canvasWidth(page)).toBeGreaterThanOrEqual(500);

    // The keyboard resizes too: Right narrows the chat panel by 20 px.
    await gutter.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await side.boundingBox())?.width).toBeCloseTo(after - 20, 0);
    const kept = (await side.boundingBox())?.width ?? 0;
    // Saved: the column's width is what the settings hold (a reload at once could otherwise
    // come before the write).
    const column = page.locator(".ws-right");
    await expect
      .poll(async () => (await savedLayout(page))?.right)
      .toBeCloseTo((await column.boundingBox())?.width ?? 0, 0);

    await page.reload();
    await expect(canvasNode(page, "chat_llm")).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Nodes and memory" })).toBeHidden();
    await expect(panelToggle(page, "nodes and memory")).toHaveAttribute("aria-pressed", "false");
    expect((await side.boundingBox())?.width).toBeCloseTo(kept, 0);

    // Both side panels hidden, then shown again.
    await panelToggle(page, "chat and node").click();
    await expect(page.getByRole("tablist", { name: "Side panel" })).toBeHidden();
    expect(await canvasWidth(page)).toBeGreaterThan(950);
    await panelToggle(page, "chat and node").click();
    await panelToggle(page, "nodes and memory").click();
    await expect(page.getByRole("tablist", { name: "Side panel" })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Nodes and memory" })).toBeVisible();
    expect(await canvasWidth(page)).toBeGreaterThanOrEqual(500);
  });

  test("Fit view shows every node of the largest starter flow and of a 12-node flow, with titles of 10 px or more", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(canvasNode(page, "chat_llm")).toBeVisible();

    await openTemplate(page, "Summarize, then answer");
    await expect(canvasNode(page, "answer")).toBeVisible();
    await page.getByRole("button", { name: "Fit view", exact: true }).click();
    let seen = await readableCanvas(page);
    expect(seen.nodes).toBe(5);
    expect(seen.outside).toEqual([]);
    expect(seen.smallestTitlePx).toBeGreaterThanOrEqual(10);
    expect(seen.underMiniMap).toEqual([]);

    await importFlowFile(page, bigFlowFile());
    await expect(canvasNode(page, "merge")).toBeVisible();
    await page.getByRole("button", { name: "Fit view", exact: true }).click();
    seen = await readableCanvas(page);
    expect(seen.nodes).toBe(12);
    expect(seen.outside).toEqual([]);
    expect(seen.smallestTitlePx).toBeGreaterThanOrEqual(10);
    expect(seen.underMiniMap).toEqual([]);

    // Zoomed out, a node is a summary: its id and memory badge, no details.
    await expect(canvasNode(page, "a1").locator(".memory-badge")).toBeVisible();
    await expect(canvasNode(page, "a1").locator(".flow-node-detail")).toBeHidden();

    // The widest dozen: one straight chain, as auto-layout places a chain.
    await importFlowFile(page, chainFlowFile());
    await expect(canvasNode(page, "step10")).toBeVisible();
    await page.getByRole("button", { name: "Fit view", exact: true }).click();
    seen = await readableCanvas(page);
    expect(seen.nodes).toBe(12);
    expect(seen.outside).toEqual([]);
    expect(seen.smallestTitlePx).toBeGreaterThanOrEqual(10);

    // The minimap can be hidden, and stays hidden after a reload.
    const miniMapButton = page.getByRole("button", { name: "Mini map" });
    await expect(page.locator(".react-flow__minimap")).toBeVisible();
    await miniMapButton.click();
    await expect(page.locator(".react-flow__minimap")).toBeHidden();
    await expect(miniMapButton).toHaveAttribute("aria-pressed", "false");
    await page.reload();
    await expect(canvasNode(page, "step10")).toBeVisible();
    await expect(miniMapButton).toHaveAttribute("aria-pressed", "false");
    await expect(page.locator(".react-flow__minimap")).toBeHidden();
  });
});

test.describe("on a phone, 390 x 844", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, reducedMotion: "reduce" });

  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

  test("chat first, no sideways scroll, a header whose buttons do not overlap; the canvas is a switch away, its nodes editable", async ({
    page,
    mockLlm,
  }) => {
    await page.goto("/");
    await expect(chat(page)).toBeVisible();
    await noSidewaysScroll(page);

    const header = page.locator(".app-header");
    const boxes = [];
    for (const control of [
      header.locator(".logo"),
      page.getByRole("button", { name: /^Flows/ }),
      page.getByRole("button", { name: "Settings" }),
      page.getByRole("button", { name: /^Theme/ }),
    ]) {
      const box = await control.boundingBox();
      if (!box) throw new Error("a header control is not on screen");
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      boxes.push(box);
    }
    for (let i = 1; i < boxes.length; i++) {
      const [left, right] = [boxes[i - 1], boxes[i]];
      if (!left || !right) continue;
      expect(right.x).toBeGreaterThanOrEqual(left.x + left.width);
    }
    // The Flows menu opens under the header, not over its Settings button.
    await page.getByRole("button", { name: /^Flows/ }).click();
    const menu = page.getByRole("dialog", { name: "Flows" });
    await expect(menu).toBeVisible();
    const settings = await page.getByRole("button", { name: "Settings" }).boundingBox();
    const menuBox = await menu.boundingBox();
    if (!settings || !menuBox) throw new Error("menu or Settings not on screen");
    expect(menuBox.y).toBeGreaterThanOrEqual(settings.y + settings.height);
    await page.keyboard.press("Escape");

    // The canvas: select the LLM, point it at the mock server in its settings.
    await page.getByRole("button", { name: "Canvas", exact: true }).click();
    await expect(canvasNode(page, "chat_llm")).toBeVisible();
    await noSidewaysScroll(page);
    await selectNode(page, "chat_llm");
    const panel = inspector(page);
    await panel.getByLabel("Provider").selectOption("openai-compatible");
    await panel.getByLabel("Model").fill("mock-model");
    await panel.getByLabel("Base URL").fill(`${mockLlm.url}/v1`);
    await noSidewaysScroll(page);

    // Back to the chat, which sends through the node as just edited.
    await page.getByRole("button", { name: "Chat", exact: true }).click();
    await expect(canvasNode(page, "chat_llm")).toBeHidden();
    await page.getByRole("textbox", { name: "Message", exact: true }).fill("Hello from a phone");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await waitForReply(page);
    await expect(chat(page)).toContainText('Mock reply #1 to "Hello from a phone"');
    expect(mockLlm.requests.filter((r) => r.path === "/v1/chat/completions")).toHaveLength(1);
    await noSidewaysScroll(page);
  });
});

for (const [width, height] of [
  [1440, 860],
  [1024, 700],
  [390, 844],
] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`no accessibility violations at ${width} px (${colorScheme})`, async ({ browser }) => {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme });
      await page.goto("/");
      await expect(page.getByRole("tablist", { name: "Side panel" })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      if (width === 390) await page.getByRole("button", { name: "Canvas", exact: true }).click();
      await selectNode(page, "chat_llm");
      expect(await axeViolations(page)).toEqual([]);
      // The largest starter flow, fitted: nodes drawn as summaries.
      await openTemplate(page, "Summarize, then answer");
      await page.getByRole("button", { name: "Fit view", exact: true }).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
}
