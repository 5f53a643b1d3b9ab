import { canvasNode, chat, expect, sendMessage, test, waitForReply } from "./fixtures";
for (const [w, h] of [[1440, 900], [1024, 700], [390, 844]] as const) {
  test(`shots ${w}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: w, height: h });
    await page.goto("/");
    if (w > 500) await expect(canvasNode(page, "chat_llm")).toBeVisible();
    for (const t of ["Hello there", "Tell me more", "And more"]) {
      await sendMessage(page, t);
      await waitForReply(page);
    }
    await page.screenshot({ path: `/tmp/shots/run-${w}.png` });
    if (w > 500) {
      await page.getByRole("button", { name: "Note", exact: false }).first().click();
      await page.keyboard.type("## Remember\nThis flow **chats** with memory.");
      await page.keyboard.press("Escape");
      await page.screenshot({ path: `/tmp/shots/note-${w}.png` });
      await canvasNode(page, "chat_llm").click({ button: "right" });
      await page.screenshot({ path: `/tmp/shots/menu-${w}.png` });
      await page.keyboard.press("Escape");
    }
    await page.getByRole("tab", { name: "Runs" }).click();
    await page.getByRole("button", { name: "Open run 3", exact: true }).click();
    await page.screenshot({ path: `/tmp/shots/runs-${w}.png` });
    await page.getByRole("button", { name: "Replay with other settings…" }).click();
    const dialog = page.getByRole("dialog", { name: /Replay chat_llm/ });
    await dialog.getByRole("textbox", { name: "Window (messages)" }).fill("1");
    await dialog.getByRole("button", { name: "Replay", exact: true }).click();
    await expect(dialog.getByRole("region", { name: "Replay 1" })).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shots/replay-${w}.png` });
    await dialog.getByRole("button", { name: "Close" }).click();
    await page.getByRole("tab", { name: "Memory" }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shots/memory-${w}.png` });
  });
}
