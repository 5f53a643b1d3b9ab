import { chat, expect, inspector, selectNode, sendMessage, test } from "./fixtures";

test("Anthropic from the browser: the key goes only in its header, and memory carries over", async ({
  page,
  mockLlm,
}) => {
  const key = "sk-ant-test-0123456789";
  const consoleLines: string[] = [];
  page.on("console", (message) => consoleLines.push(message.text()));
  await page.goto("/");
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("Provider").selectOption("anthropic");
  await inspector(page).getByLabel("Model").fill("claude-sonnet-4-5");
  // The key goes only to the address set in Settings (or approved there), not a node's own.
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByLabel("Anthropic base URL").fill(`${mockLlm.url}/v1`);
  await page.getByRole("button", { name: "Close" }).click();
  await inspector(page).getByLabel("API key").fill(key);

  await sendMessage(page, "Hi! My name is David");
  await expect(chat(page).getByText('Mock reply #1 to "Hi! My name is David"')).toBeVisible();
  await sendMessage(page, "What is my name?");
  await expect(chat(page).getByText('Mock reply #2 to "What is my name?"')).toBeVisible();

  const calls = mockLlm.requests.filter((r) => r.path === "/v1/messages");
  expect(calls).toHaveLength(2);
  const second = calls[1];
  expect(second?.headers["x-api-key"]).toBe(key);
  expect(second?.headers["anthropic-dangerous-direct-browser-access"]).toBe("true");
  const body = second?.body as { system?: unknown; messages: { role: string; content: unknown }[] };
  expect(body.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
  expect(JSON.stringify(body.messages[0])).toContain("Hi! My name is David");
  // Nowhere else: not in a URL, not in the console.
  for (const request of mockLlm.requests) expect(JSON.stringify(request.query)).not.toContain(key);
  expect(page.url()).not.toContain(key);
  expect(consoleLines.join("\n")).not.toContain(key);
});
