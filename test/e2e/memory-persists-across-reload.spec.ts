import {
  chat,
  expect,
  inspector,
  selectNode,
  sendMessage,
  test,
  useOpenAiCompatible,
  waitForReply,
} from "./fixtures";

test("a conversation with memory continues after a reload: the second request carries the first exchange", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  // Point the starter flow's LLM at the mock server, as a user would point it at Ollama.
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);

  await sendMessage(page, "Hi! My name is David");
  await expect(chat(page).getByText('Mock reply #1 to "Hi! My name is David"')).toBeVisible();
  await waitForReply(page);

  await page.reload();
  await expect(chat(page).getByText('Mock reply #1 to "Hi! My name is David"')).toBeVisible();
  await selectNode(page, "chat_llm");
  await expect(inspector(page).getByLabel("Base URL")).toHaveValue(`${mockLlm.url}/v1`);

  await sendMessage(page, "What is my name?");
  await expect(chat(page).getByText('Mock reply #2 to "What is my name?"')).toBeVisible();

  const completions = mockLlm.requests.filter((r) => r.path === "/v1/chat/completions");
  expect(completions).toHaveLength(2);
  const second = completions[1]?.body as { messages: { role: string; content: string }[] };
  expect(second.messages.map((m) => [m.role, m.content])).toEqual([
    ["system", "You are a helpful assistant."],
    ["user", "Hi! My name is David"],
    ["assistant", 'Mock reply #1 to "Hi! My name is David"'],
    ["user", "What is my name?"],
  ]);
  await expect(chat(page).getByText('chat_llm saw 2 messages of memory "chat_llm"')).toBeVisible();
});

test("a first-time visitor can chat at once on the offline echo provider, and memory shows", async ({
  page,
}) => {
  await page.goto("/");
  await sendMessage(page, "Hi! My name is David");
  await expect(chat(page).getByText("Echo: I received 2 messages, none from memory")).toBeVisible();
  await waitForReply(page);
  await sendMessage(page, "What is my name?");
  await expect(
    chat(page).getByText(
      'Echo: I received 4 messages, 2 from memory "chat_llm", 1 system prompt. Your last message: "What is my name?"',
    ),
  ).toBeVisible();
});
