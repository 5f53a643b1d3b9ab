import { expect, inspector, selectNode, test } from "../fixtures";

test("an edit typed 50 ms before a reload survives it", async ({ page }) => {
  await page.goto("/");
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("System prompt").fill("Answer like a pirate.");
  await page.waitForTimeout(50);
  await page.reload();

  await selectNode(page, "chat_llm");
  await expect(inspector(page).getByLabel("System prompt")).toHaveValue("Answer like a pirate.");
});
