import { seriousViolations } from "./axe";
import { canvasNode, expect, selectNode, test } from "./fixtures";

for (const colorScheme of ["light", "dark"] as const) {
  test(`the main screen has no serious accessibility violations (${colorScheme})`, async ({
    browser,
  }) => {
    const page = await browser.newPage({ colorScheme });
    await page.goto("/");
    await expect(canvasNode(page, "chat_llm")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await selectNode(page, "chat_llm");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
}
