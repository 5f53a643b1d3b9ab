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

test("a flow-scoped memory carries a fact into a new conversation; a conversation-scoped one starts empty", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await inspector(page).getByLabel("Shared by every conversation of this flow").check();

  await sendMessage(page, "My name is David");
  await expect(chat(page).getByText('Mock reply #1 to "My name is David"')).toBeVisible();
  await waitForReply(page);

  await chat(page).getByRole("button", { name: "New conversation" }).click();
  await sendMessage(page, "What is my name?");
  await expect(chat(page).getByText('Mock reply #2 to "What is my name?"')).toBeVisible();
  await waitForReply(page);

  // The Memory tab says the log is shared, and shows both exchanges.
  await page.getByRole("tab", { name: "Memory" }).click();
  await expect(page.getByText("Shared by every conversation of this flow:")).toBeVisible();
  await expect(page.getByText("4 messages")).toBeVisible();

  // Back to one log per conversation: a new conversation starts it empty.
  await page.getByRole("tab", { name: "Node" }).click();
  await inspector(page).getByLabel("Shared by every conversation of this flow").uncheck();
  await openTab(page, "Chat");
  await chat(page).getByRole("button", { name: "New conversation" }).click();
  await sendMessage(page, "Who am I?");
  await expect(chat(page).getByText('Mock reply #3 to "Who am I?"')).toBeVisible();

  expect(completionMessages(mockLlm, { system: false })).toEqual([
    ["user: My name is David"],
    [
      "user: My name is David",
      'assistant: Mock reply #1 to "My name is David"',
      "user: What is my name?",
    ],
    ["user: Who am I?"],
  ]);
});
