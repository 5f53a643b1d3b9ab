import type { Page } from "@playwright/test";
import {
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
 * Editing memory (docs/memory.md, "Editing memory") through the chat on the mock server: what
 * the next request carries after an edit, a delete, a pin and an undo, and what an earlier
 * run's inspector still shows.
 */

const say = async (page: Page, text: string) => {
  await sendMessage(page, text);
  await waitForReply(page);
};

const memoryPanel = (page: Page) => page.getByRole("tabpanel", { name: "Memory" });
/** One message row of the Memory tab, by role and a text only it holds. */
const row = (page: Page, role: "user" | "assistant", text: string) =>
  memoryPanel(page).locator(`.memory-message.is-${role}`).filter({ hasText: text });

test("an edit is sent edited, a delete is not sent, a pin outside the window is sent; earlier runs keep what they received", async ({
  page,
  mockLlm,
}) => {
  // Three turns and a dozen memory writes: slow on a shared machine.
  test.setTimeout(90_000);
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await inspector(page).getByLabel("Memory window size").fill("2");
  await say(page, "U1");
  await say(page, "U2");

  await page.getByRole("tab", { name: "Memory" }).click();
  const reply1 = row(page, "assistant", 'Mock reply #1 to "U1"');
  await reply1.getByRole("button", { name: /^Edit/ }).click();
  await reply1.getByRole("textbox").fill("R1 edited");
  await reply1.getByRole("button", { name: /^Save/ }).click();
  await expect(row(page, "assistant", "R1 edited")).toContainText("edited");

  await row(page, "user", "U2")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await expect(row(page, "user", "U2")).toContainText("deleted: not sent");
  await row(page, "user", "U1").getByRole("button", { name: /^Pin/ }).click();
  await expect(row(page, "user", "U1")).toContainText("pinned");
  // Pinned, not edited: its text is as it was appended.
  await expect(row(page, "user", "U1").locator(".memory-message-flag")).toHaveText(["pinned"]);

  // A delete taken back with the toast's Undo: the reply is sent as before.
  await row(page, "assistant", "#2")
    .getByRole("button", { name: /^Delete/ })
    .click();
  const toast = memoryPanel(page).getByRole("status").filter({ hasText: "Deleted a message" });
  await toast.getByRole("button", { name: /^Undo/ }).click();
  await expect(row(page, "assistant", "#2")).not.toContainText("deleted");

  await say(page, "U3");
  // Window 2 of what is neither pinned nor deleted: the edited reply 1 and reply 2. U1, pinned,
  // comes first although the window leaves it out; U2, deleted, is not sent.
  expect(completionMessages(mockLlm, { system: false })[2]).toEqual([
    "user: U1",
    "assistant: R1 edited",
    'assistant: Mock reply #2 to "U2"',
    "user: U3",
  ]);

  // Run 2 received reply 1 before the edit, and its inspector still shows that text.
  await chat(page).getByRole("button", { name: "Inspect run 2" }).click();
  const sent = page
    .getByRole("tabpanel", { name: "Runs" })
    .getByRole("list", { name: "Messages sent by chat_llm" });
  await expect(sent).toContainText('Mock reply #1 to "U1"');
  await expect(sent).not.toContainText("R1 edited");
  // Run 3's shows the pin and the edited text it was sent.
  await openTab(page, "Chat");
  await chat(page).getByRole("button", { name: "Inspect run 3" }).click();
  await expect(sent).toContainText("R1 edited");
  await expect(sent).toContainText("pinned");
});
