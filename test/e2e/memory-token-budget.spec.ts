import type { Page } from "@playwright/test";
import type { MockLlmServer } from "../mock-llm/mockLlmServer";
import {
  chat,
  completionMessages,
  expect,
  inspector,
  selectNode,
  sendMessage,
  test,
  useOpenAiCompatible,
  waitForReply,
} from "./fixtures";

/*
 * docs/memory.md, "Token budgets": a node with a budget sends the newest memory messages whose
 * tokens fit, checked on what the mock LLM server received. The mock model is not one of
 * OpenAI's, so tokens are estimated: 4 characters a token, rounded up, + 4 a message.
 * "U1" costs 1 + 4 = 5; 'Mock reply #1 to "U1"' (21 characters) costs 6 + 4 = 10.
 */

async function say(page: Page, text: string) {
  await sendMessage(page, text);
  await waitForReply(page);
  await expect(chat(page).getByText(`to "${text}"`).last()).toBeVisible();
}

const received = (mockLlm: MockLlmServer) => completionMessages(mockLlm, { system: false });
const reply = (n: number, text: string) => `assistant: Mock reply #${n} to "${text}"`;

test("a token budget sends exactly the newest messages that fit, with the window too", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await say(page, "U1");
  await say(page, "U2");

  await selectNode(page, "chat_llm");
  const budget = inspector(page).getByRole("textbox", { name: "Memory token budget" });
  await budget.fill("25");
  await expect(inspector(page).getByText(/Counted as an estimate/)).toBeVisible();
  // The Next call preview already shows the budget's cut: U1 no longer fits.
  const preview = inspector(page).getByRole("region", { name: "Next call preview" });
  await expect(preview.getByText("not sent: over the token budget")).toHaveCount(1);
  await expect(
    preview.getByText(/Token budget 25: memory uses 25; 1 message over it/),
  ).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="chat_llm"]')).toContainText(
    "all messages, ≤ 25 tokens",
  );

  // A2 (10) + U2 (5) + A1 (10) = 25 fits exactly; U1 (5) more would not.
  await say(page, "U3");
  expect(received(mockLlm)[2]).toEqual([reply(1, "U1"), "user: U2", reply(2, "U2"), "user: U3"]);
  await expect(
    chat(page).getByText(
      'chat_llm saw 3 messages of memory "chat_llm", 1 left out by the token budget',
    ),
  ).toBeVisible();

  // With a window of 2 as well, the stricter limit wins: the budget alone would allow three.
  await selectNode(page, "chat_llm");
  await inspector(page).getByRole("textbox", { name: "Memory window size" }).fill("2");
  await say(page, "U4");
  expect(received(mockLlm)[3]).toEqual(["user: U3", reply(3, "U3"), "user: U4"]);
});

test("an OpenAI model's budget counts with its real tokenizer, loaded when a budget is set", async ({
  page,
  mockLlm,
}) => {
  const tokenizerRequests: string[] = [];
  page.on("request", (r) => {
    if (/o200k_base/.test(r.url())) tokenizerRequests.push(r.url());
  });
  await page.goto("/");
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("Provider").selectOption("openai");
  await inspector(page).getByLabel("Model").fill("gpt-4o-mini");
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByLabel("OpenAI base URL").fill(`${mockLlm.url}/v1`);
  await page.getByRole("button", { name: "Close" }).click();
  await inspector(page).getByLabel("API key").fill("sk-test-0123456789");
  await say(page, "U1");
  await say(page, "U2");
  // No budget yet: the tokenizer is never fetched.
  expect(tokenizerRequests).toEqual([]);

  // In o200k_base "U2" is 2 tokens (6 with the overhead) and 'Mock reply #1 to "U1"' is 9
  // (13): A2 + U2 + A1 = 32 fits, U1 does not. The estimate (5 and 10) would fit all four.
  await selectNode(page, "chat_llm");
  await inspector(page).getByRole("textbox", { name: "Memory token budget" }).fill("32");
  await expect(inspector(page).getByText(/Counted with gpt-4o-mini's tokenizer/)).toBeVisible();
  const preview = inspector(page).getByRole("region", { name: "Next call preview" });
  await expect(preview.getByText(/counted with o200k_base/)).toBeVisible();
  expect(tokenizerRequests.length).toBeGreaterThan(0);

  await say(page, "U3");
  expect(received(mockLlm)[2]).toEqual([reply(1, "U1"), "user: U2", reply(2, "U2"), "user: U3"]);
});
