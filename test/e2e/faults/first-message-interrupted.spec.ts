import { chat, expect, sendMessage, test } from "../fixtures";
import { draftOf, SLOW_REPLY, storedConversations, storedRuns, useMockChat } from "./faultHelpers";

test("the first message of a new conversation, interrupted by a reload, leaves that conversation with its message, not an empty one", async ({
  page,
  mockLlm,
}) => {
  await useMockChat(page, mockLlm, false);
  mockLlm.enqueue(SLOW_REPLY);
  await sendMessage(page, "Hello, first message");
  await expect
    .poll(() => draftOf(page, "Hello, first message"), { timeout: 5_000 })
    .toContain("one");
  await page.reload();

  await expect(chat(page).getByText("You: Hello, first message", { exact: true })).toBeVisible();
  await expect(chat(page).getByText(/^Interrupted: the page was reloaded/)).toBeVisible();
  const conversations = await storedConversations(page);
  expect(conversations.map((c) => c.title)).toEqual(["Hello, first message"]);
  await expect(chat(page).getByRole("combobox", { name: "Conversations" })).toHaveValue(
    conversations[0]?.id ?? "missing",
  );
  const runs = await storedRuns(page);
  expect(runs.map((r) => [r.input, r.conversationId])).toEqual([
    ["Hello, first message", conversations[0]?.id],
  ]);
});
