import type { Page } from "@playwright/test";
import type { MockLlmServer } from "../mock-llm/mockLlmServer";
import {
  canvasNode,
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

/**
 * The seed scenarios of docs/memory.md, driven through the app as a user would, and
 * checked on what the mock LLM server received (system prompt aside).
 */

async function startFrom(page: Page, template: string) {
  await page.goto("/");
  await page.getByRole("button", { name: /^Flows: / }).click();
  await page.getByRole("button", { name: "New flow" }).click();
  await page.getByRole("button", { name: template, exact: true }).click();
  await expect(page.getByRole("button", { name: `Flows: ${template}` })).toBeVisible();
}

async function say(page: Page, text: string) {
  await sendMessage(page, text);
  await waitForReply(page);
  await expect(chat(page).getByText(`to "${text}"`).last()).toBeVisible();
}

/** What each completion request carried, the system prompt left out. */
const received = (mockLlm: MockLlmServer) => completionMessages(mockLlm, { system: false });

const reply = (n: number, text: string) => `assistant: Mock reply #${n} to "${text}"`;

test("1. no memory: the second call gets only the second message", async ({ page, mockLlm }) => {
  await startFrom(page, "Chat without memory");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await say(page, "Hi! My name is David");
  await say(page, "What is my name?");
  expect(received(mockLlm)[1]).toEqual(["user: What is my name?"]);
});

test("3. window 5 after four turns: the fifth call gets [A2, U3, A3, U4, A4, U5]", async ({
  page,
  mockLlm,
}) => {
  await startFrom(page, "Memory window of 5");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  for (const u of ["U1", "U2", "U3", "U4", "U5"]) await say(page, u);
  expect(received(mockLlm)[4]).toEqual([
    reply(2, "U2"),
    "user: U3",
    reply(3, "U3"),
    "user: U4",
    reply(4, "U4"),
    "user: U5",
  ]);
  await expect(
    chat(page).getByText(
      'chat_llm saw 5 messages of memory "chat_llm", 3 older left out by the window',
    ),
  ).toBeVisible();
});

test("4. window 0: every call gets only the current prompt", async ({ page, mockLlm }) => {
  await startFrom(page, "Window 0");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  for (const u of ["U1", "U2", "U3"]) await say(page, u);
  expect(received(mockLlm)).toEqual([["user: U1"], ["user: U2"], ["user: U3"]]);
});

test("5a. shared memory in sequence: llm2 sees llm1's exchange", async ({ page, mockLlm }) => {
  await startFrom(page, "Two LLMs sharing one memory");
  await useOpenAiCompatible(page, "llm1", `${mockLlm.url}/v1`);
  await useOpenAiCompatible(page, "llm2", `${mockLlm.url}/v1`);
  await sendMessage(page, "U1");
  await waitForReply(page);
  await expect(
    chat(page).getByText('Mock reply #2 to "Summarize: Mock reply #1 to "U1""'),
  ).toBeVisible();
  expect(received(mockLlm)).toEqual([
    ["user: U1"],
    ["user: U1", reply(1, "U1"), 'user: Summarize: Mock reply #1 to "U1"'],
  ]);
});

test("5b. shared memory in parallel: chat_llm gets [U], llm gets [U, A, U]", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  // A second LLM beside the first, on the same input and the same memory.
  await page.getByRole("button", { name: "Add LLM node" }).press("Enter");
  await expect(canvasNode(page, "llm")).toBeVisible();
  await useOpenAiCompatible(page, "llm", `${mockLlm.url}/v1`);
  const panel = inspector(page);
  await panel.getByLabel("Connect from").selectOption("input");
  await panel.getByRole("button", { name: "Connect", exact: true }).click();
  await panel.getByRole("checkbox", { name: "Use memory" }).check();
  await panel.getByRole("combobox", { name: "Memory ID" }).fill("chat_llm");
  await selectNode(page, "output");
  await inspector(page).getByLabel("Value").fill("{{chat_llm}} | {{llm}}");
  await inspector(page).getByLabel("Connect from").selectOption("llm");
  await inspector(page).getByRole("button", { name: "Connect", exact: true }).click();

  await sendMessage(page, "U");
  await waitForReply(page);
  expect(received(mockLlm)).toEqual([["user: U"], ["user: U", reply(1, "U"), "user: U"]]);
});

test("a new conversation starts every memory empty", async ({ page, mockLlm }) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await say(page, "U1");
  await say(page, "U2");
  await chat(page).getByRole("button", { name: "New conversation" }).click();
  await say(page, "U3");
  expect(received(mockLlm)[2]).toEqual(["user: U3"]);
});

test("a reply with HTML in it is shown as text and runs nothing", async ({ page, mockLlm }) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  mockLlm.enqueue({ reply: 'Look: <img src=x onerror="alert(1)"> <script>alert(2)</script> done' });
  await sendMessage(page, "show me");
  await waitForReply(page);
  await expect(chat(page).getByText("done")).toBeVisible();
  await expect(chat(page).locator("img, script")).toHaveCount(0);
  await expect(chat(page)).toContainText('<img src=x onerror="alert(1)">');
  expect(dialogs).toBe(0);
});
