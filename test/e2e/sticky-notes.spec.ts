import { readFile } from "node:fs/promises";
import { seriousViolations } from "./axe";
import { canvasNode, expect, savedFlows, test } from "./fixtures";

const note = (page: import("@playwright/test").Page, id: string) =>
  page.locator(`.react-flow__node[data-id="note:${id}"]`);

test("a sticky note: add, type Markdown, resize with the mouse, reload and see it", async ({
  page,
}) => {
  await page.goto("/");
  await expect(canvasNode(page, "chat_llm")).toBeVisible();
  await page.getByRole("button", { name: "Add Note" }).click();
  const input = page.getByRole("textbox", { name: /Text of note note/ });
  await expect(input).toBeFocused();
  await input.fill("# Plan\n\n- **ask** the name\n\n<img src=x onerror=alert(1)>");
  await input.press("Escape");
  const shown = note(page, "note");
  await expect(shown.getByRole("heading", { name: "Plan" })).toBeVisible();
  await expect(shown.locator("strong")).toHaveText("ask");
  // Hostile HTML stays text: nothing runs, no image is made.
  await expect(shown.locator("img")).toHaveCount(0);
  await expect(shown).toContainText("<img src=x onerror=alert(1)>");

  // Resize with a real drag of the bottom-right handle.
  await shown.click();
  const before = await shown.boundingBox();
  const handle = shown.locator(".react-flow__resize-control.handle.bottom.right");
  const at = await handle.boundingBox();
  if (!before || !at) throw new Error("no box");
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  await page.mouse.move(at.x + 60, at.y + 40, { steps: 5 });
  await page.mouse.move(at.x + 120, at.y + 80, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(async () => (await shown.boundingBox())?.width)
    .toBeGreaterThan(before.width + 60);

  const saved = async () =>
    (await savedFlows(page)).find((r) => r.flow.name === "Chat with memory")?.flow.notes?.[0];
  await expect.poll(async () => (await saved())?.width ?? 0).toBeGreaterThan(240);
  const stored = await saved();

  await page.reload();
  await expect(note(page, "note").getByRole("heading", { name: "Plan" })).toBeVisible();
  expect((await saved())?.width).toBe(stored?.width);
  await expect(note(page, "note")).toHaveCSS("width", `${stored?.width}px`);

  // Export, then import the file: the copy has the note, and the preview counts it.
  await page.getByRole("button", { name: /^Flows: / }).click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export flow" }).click(),
  ]);
  const text = await readFile(await file.path(), "utf8");
  expect(JSON.parse(text)).toMatchObject({ version: 3, notes: [{ id: "note" }] });
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Import flow" }).click(),
  ]);
  await chooser.setFiles({
    name: "n.flow.json",
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
  const preview = page.getByRole("dialog", { name: "Import Chat with memory" });
  await expect(preview).toContainText("1 note");
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("button", { name: "Flows: Chat with memory (2)" })).toBeVisible();
  await expect(note(page, "note").getByRole("heading", { name: "Plan" })).toBeVisible();
});

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [1440, 1024, 390]) {
    test(`a note on the canvas has no serious accessibility violations (${colorScheme}, ${width} px)`, async ({
      browser,
    }) => {
      const page = await browser.newPage({ colorScheme, viewport: { width, height: 900 } });
      await page.goto("/");
      if (width < 700)
        await page
          .getByRole("button", { name: /canvas/i })
          .first()
          .click();
      await expect(canvasNode(page, "chat_llm")).toBeVisible();
      await page.getByRole("button", { name: "Add Note" }).click();
      await page.getByRole("textbox", { name: /Text of note note/ }).fill("# Plan\n\n**bold**");
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await expect(note(page, "note").getByRole("heading", { name: "Plan" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
}
