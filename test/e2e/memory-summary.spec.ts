import type { Page } from "@playwright/test";
import type { MockLlmServer } from "../mock-llm/mockLlmServer";
import {
  chat,
  expect,
  inspector,
  sendMessage,
  test,
  useOpenAiCompatible,
  waitForReply,
} from "./fixtures";

/*
 * docs/memory.md, "Summary memory": with a window of 2, what falls out of the window is folded
 * into a running summary by the summarizer, a real call to the mock server, and the node
 * receives it as one system message after the system prompt, before the window. Checked on
 * what the mock LLM server received.
 */

const SUMMARIZER = "mock-summarizer";

async function say(page: Page, text: string) {
  await sendMessage(page, text);
  await waitForReply(page);
}

/** Each completion request: the model asked for, and its messages as "role: content". */
function completions(mockLlm: MockLlmServer) {
  return mockLlm.requests
    .filter((r) => r.path === "/v1/chat/completions")
    .map((r) => {
      const body = r.body as { model: string; messages: { role: string; content: string }[] };
      return { model: body.model, messages: body.messages.map((m) => `${m.role}: ${m.content}`) };
    });
}

const reply = (n: number, text: string) => `Mock reply #${n} to "${text}"`;

test("summary memory over several turns: the summarizer gets only the newly dropped messages, the node gets the summary after its system prompt", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  const panel = inspector(page);
  await panel.getByRole("textbox", { name: "System prompt" }).fill("Be brief.");
  await panel.getByRole("textbox", { name: "Memory window size" }).fill("2");
  await panel.getByRole("checkbox", { name: "Summarize what falls out of the window" }).check();
  const model = panel.getByRole("textbox", { name: "Summary model" });
  await model.fill(SUMMARIZER);
  await model.press("Enter");
  await expect(panel.getByText(`Summarized by ${SUMMARIZER}`)).toBeVisible();

  // Two turns fit the window: no summary yet.
  await say(page, "U1");
  await say(page, "U2");
  expect(completions(mockLlm).map((c) => c.model)).toEqual(["mock-model", "mock-model"]);

  // Turn 3: U1 and A1 fall out. The summarizer is called first, with them alone.
  mockLlm.enqueue({ reply: "S1: the user said U1." });
  await say(page, "U3");
  await expect(chat(page).getByText(reply(4, "U3"))).toBeVisible();
  const third = completions(mockLlm).slice(2);
  expect(third.map((c) => c.model)).toEqual([SUMMARIZER, "mock-model"]);
  expect(third[0]?.messages[0]).toMatch(/^system: You keep the memory of a conversation/);
  expect(third[0]?.messages.slice(1)).toEqual([
    `user: Summary so far:\n(none yet)\n\nNew messages:\nUser: U1\n\nAssistant: ${reply(1, "U1")}`,
  ]);
  expect(third[1]?.messages).toEqual([
    "system: Be brief.",
    "system: Summary of earlier conversation: S1: the user said U1.",
    "user: U2",
    `assistant: ${reply(2, "U2")}`,
    "user: U3",
  ]);

  // Turn 4: only U2 and A2 are new; the previous summary carries U1 and A1.
  mockLlm.enqueue({ reply: "S2: the user said U1, then U2." });
  await say(page, "U4");
  await expect(chat(page).getByText(reply(6, "U4"))).toBeVisible();
  const fourth = completions(mockLlm).slice(4);
  expect(fourth.map((c) => c.model)).toEqual([SUMMARIZER, "mock-model"]);
  expect(fourth[0]?.messages.slice(1)).toEqual([
    `user: Summary so far:\nS1: the user said U1.\n\nNew messages:\nUser: U2\n\nAssistant: ${reply(2, "U2")}`,
  ]);
  expect(fourth[1]?.messages).toEqual([
    "system: Be brief.",
    "system: Summary of earlier conversation: S2: the user said U1, then U2.",
    "user: U3",
    `assistant: ${reply(4, "U3")}`,
    "user: U4",
  ]);

  // The run inspector shows the summary call, tagged, with what it received and its tokens.
  await chat(page).getByRole("button", { name: "Inspect run 4" }).click();
  const runs = page.getByRole("tabpanel", { name: "Runs" });
  const summaryCall = runs.getByRole("region", { name: "Summary call for memory chat_llm" });
  await expect(summaryCall.getByText("summary", { exact: true })).toBeVisible();
  await expect(summaryCall).toContainText(
    "Folded 2 newly dropped messages into the summary of memory chat_llm, starting from the previous summary: it now covers the first 4 messages.",
  );
  await expect(
    summaryCall.getByRole("list", { name: "Messages sent to the summarizer" }),
  ).toContainText("S1: the user said U1.");
  await expect(summaryCall).toContainText("Summary tokens in / out");
  const sent = runs.getByRole("list", { name: "Messages sent by chat_llm" });
  await expect(sent).toContainText("summary of memory chat_llm");
  await expect(sent).toContainText("S2: the user said U1, then U2.");

  // The Memory tab shows the current summary and what it covers.
  await page.getByRole("tab", { name: "Memory" }).click();
  const memory = page.getByRole("tabpanel", { name: "Memory" });
  const summary = memory.getByRole("region", { name: "Summary of memory chat_llm" });
  await expect(summary).toContainText("Covers the first 4 of 8 messages");
  await expect(summary).toContainText("S2: the user said U1, then U2.");
});

test("a failed summary call fails the run clearly, and memory is unchanged", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await inspector(page).getByRole("textbox", { name: "Memory window size" }).fill("0");
  await inspector(page)
    .getByRole("checkbox", { name: "Summarize what falls out of the window" })
    .check();
  await say(page, "U1");

  // Window 0: U1 and A1 fall out at once. The summarizer (the node's own model) fails.
  mockLlm.enqueue({ fail: "server-error" });
  await say(page, "U2");
  await expect(
    chat(page).getByText(/The summary of memory "chat_llm" could not be updated by mock-model/),
  ).toBeVisible();
  // The node's own call was never made: two requests for U1's call and the failed summary.
  expect(completions(mockLlm)).toHaveLength(2);

  // Memory is as it was: the next message's summary folds U1 and A1, not U2.
  mockLlm.enqueue({ reply: "S: U1 greeted." });
  await say(page, "U3");
  const [summarizer, node] = completions(mockLlm).slice(2);
  expect(summarizer?.messages.slice(1)).toEqual([
    `user: Summary so far:\n(none yet)\n\nNew messages:\nUser: U1\n\nAssistant: ${reply(1, "U1")}`,
  ]);
  // The starter's system prompt first, then the summary.
  expect(node?.messages).toEqual([
    "system: You are a helpful assistant.",
    "system: Summary of earlier conversation: S: U1 greeted.",
    "user: U3",
  ]);
});
