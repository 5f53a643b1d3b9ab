import type { Page } from "@playwright/test";
import { chat, expect, sendMessage, test, waitForReply } from "../fixtures";

async function say(page: Page, text: string) {
  await sendMessage(page, text);
  await waitForReply(page);
}

test("a reload returns to the conversation and branch the user was on, not the most recent one", async ({
  page,
}) => {
  await page.goto("/");
  await say(page, "A1");
  await say(page, "A2");
  await chat(page).getByRole("button", { name: "Edit message 2" }).click();
  await chat(page).getByRole("textbox", { name: "Edit message" }).fill("A2 edited");
  await chat(page).getByRole("button", { name: "Send edit" }).click();
  await waitForReply(page);
  await chat(page).getByRole("button", { name: "Previous version" }).click();
  await expect(chat(page).getByText("You: A2", { exact: true })).toBeVisible();

  // Another conversation becomes the most recent; then the user goes back to the first.
  await chat(page).getByRole("button", { name: "New conversation" }).click();
  await say(page, "B1");
  const conversations = chat(page).getByRole("combobox", { name: "Conversations" });
  await conversations.selectOption({ label: "A1" });
  await expect(chat(page).getByText("You: A2", { exact: true })).toBeVisible();
  const open = await conversations.inputValue();

  await page.reload();
  await expect(conversations).toHaveValue(open);
  await expect(chat(page).getByText("You: A1", { exact: true })).toBeVisible();
  await expect(chat(page).getByText("You: A2", { exact: true })).toBeVisible();
  await expect(chat(page).getByText("You: A2 edited", { exact: true })).toHaveCount(0);
  await expect(chat(page).getByText("You: B1", { exact: true })).toHaveCount(0);

  // The next message goes to this conversation and branch: echo counts A1 and A2 in memory.
  await say(page, "A3");
  await expect(chat(page).getByText(/Echo: I received 6 messages, 4 from memory/)).toBeVisible();
});
