import type { Page } from "@playwright/test";
import {
  chat,
  expect,
  inspector,
  savedFlows,
  savedNode,
  selectNode,
  sendMessage,
  test,
  waitForReply,
} from "../fixtures";
import { received, SLOW_REPLY, storedMemory, storedRuns, useMockChat } from "./faultHelpers";

/*
 * Two tabs of the app in one browser profile (same origin, same IndexedDB): what one does, the
 * other shows without a reload; neither blocks, loses or interleaves the other's work.
 */

/** A second tab of the same browser, on the app. */
async function secondTab(page: Page): Promise<Page> {
  const other = await page.context().newPage();
  await other.goto("/");
  return other;
}

const REPLY_1 = 'Mock reply #1 to "U1"';
const conflictDialog = (page: Page) =>
  page.getByRole("alertdialog", { name: "“Chat with memory” was changed in another tab" });

test("after one tab has chatted, the other still sends, with no reload, and so does the first again", async ({
  page,
  mockLlm,
}) => {
  await useMockChat(page, mockLlm);
  const b = await secondTab(page);
  await expect(chat(b).getByText(REPLY_1)).toBeVisible();

  await sendMessage(b, "B1");
  await expect(chat(b).getByText('Mock reply #2 to "B1"')).toBeVisible();
  await sendMessage(page, "A2");
  await expect(chat(page).getByText('Mock reply #3 to "A2"')).toBeVisible();

  await expect(conflictDialog(page)).toBeHidden();
  await expect(conflictDialog(b)).toBeHidden();
  // A's message continued after B's: one conversation, one memory, in order.
  expect(received(mockLlm).at(-1)).toEqual(["U1", REPLY_1, "B1", 'Mock reply #2 to "B1"', "A2"]);
  // Chatting is not a flow edit: the flow was saved once, for the node's settings.
  const revisions = (await savedFlows(page)).map((f) => f.revision);
  await sendMessage(b, "B3");
  await waitForReply(b);
  expect((await savedFlows(page)).map((f) => f.revision)).toEqual(revisions);
});

test("a tab shows the other tab's new message and reply without a reload", async ({
  page,
  mockLlm,
}) => {
  await useMockChat(page, mockLlm);
  const b = await secondTab(page);
  await expect(chat(b).getByText(REPLY_1)).toBeVisible();

  await sendMessage(page, "A2");
  await expect(chat(b).getByText("You: A2", { exact: true })).toBeVisible();
  await expect(chat(b).getByText('Mock reply #2 to "A2"')).toBeVisible();
});

test("two messages sent at once into one conversation run one after the other, and both are kept", async ({
  page,
  mockLlm,
}) => {
  await useMockChat(page, mockLlm);
  const b = await secondTab(page);
  await expect(chat(b).getByText(REPLY_1)).toBeVisible();

  mockLlm.enqueue(SLOW_REPLY);
  await sendMessage(page, "A2");
  await expect(chat(page).getByText(/^one two/)).toBeVisible();
  await sendMessage(b, "B2");
  await expect(chat(b).getByText("Waiting for the other tab's reply…")).toBeVisible();

  await expect(chat(b).getByText('Mock reply #3 to "B2"')).toBeVisible({ timeout: 15_000 });
  await expect(chat(b).getByText(SLOW_REPLY.reply)).toBeVisible();
  await expect(chat(page).getByText('Mock reply #3 to "B2"')).toBeVisible();
  // B's call was made after A's reply had ended, and its memory held A's exchange.
  expect(received(mockLlm)).toEqual([
    ["U1"],
    ["U1", REPLY_1, "A2"],
    ["U1", REPLY_1, "A2", SLOW_REPLY.reply, "B2"],
  ]);
  const runs = await storedRuns(page);
  expect(runs.map((r) => `${r.input}:${r.status}`).sort()).toEqual(["A2:ok", "B2:ok", "U1:ok"]);
  expect((await storedMemory(page)).map((m) => m.content).sort()).toEqual(
    ["U1", REPLY_1, "A2", SLOW_REPLY.reply, "B2", 'Mock reply #3 to "B2"'].sort(),
  );
});

/** Both tabs edit the chat LLM's system prompt; B saves first, so A is asked which to keep. */
async function editInBoth(page: Page): Promise<Page> {
  await page.goto("/");
  const b = await secondTab(page);
  await selectNode(page, "chat_llm");
  await selectNode(b, "chat_llm");
  await inspector(b).getByLabel("System prompt").fill("Theirs.");
  await inspector(page).getByLabel("System prompt").fill("Mine.");
  await expect(conflictDialog(page)).toBeVisible();
  await expect(conflictDialog(b)).toBeHidden();
  return b;
}

test("a flow edited in both tabs asks which to keep: Take theirs loads the other tab's version", async ({
  page,
}) => {
  const b = await editInBoth(page);
  await conflictDialog(page)
    .getByRole("button", { name: /^Take theirs/ })
    .click();
  await expect(conflictDialog(page)).toBeHidden();
  await expect(inspector(page).getByLabel("System prompt")).toHaveValue("Theirs.");
  expect((await savedNode(page, "chat_llm"))?.config).toMatchObject({ systemPrompt: "Theirs." });
  expect((await savedFlows(page)).map((f) => f.flow.name)).toEqual(["Chat with memory"]);
  // Nothing of mine comes back: not after a while (autosave), not after a reload.
  await page.reload();
  await selectNode(page, "chat_llm");
  await expect(inspector(page).getByLabel("System prompt")).toHaveValue("Theirs.");
  await expect(inspector(b).getByLabel("System prompt")).toHaveValue("Theirs.");
});

test("a flow edited in both tabs asks which to keep: Keep mine as a copy saves mine as a new flow", async ({
  page,
}) => {
  const b = await editInBoth(page);
  await conflictDialog(page)
    .getByRole("button", { name: /^Keep mine as a copy/ })
    .click();
  await expect(conflictDialog(page)).toBeHidden();
  await expect(page.getByRole("button", { name: /Chat with memory \(my copy\)/ })).toBeVisible();
  await selectNode(page, "chat_llm");
  await expect(inspector(page).getByLabel("System prompt")).toHaveValue("Mine.");
  await expect
    .poll(async () =>
      (await savedFlows(page))
        .map(
          (f) =>
            `${f.flow.name}: ${(f.flow.nodes.find((n) => n.id === "chat_llm")?.config as { systemPrompt?: string } | undefined)?.systemPrompt}`,
        )
        .sort(),
    )
    .toEqual(["Chat with memory (my copy): Mine.", "Chat with memory: Theirs."]);
  // The other tab keeps its version, and sees the copy in its list.
  await expect(inspector(b).getByLabel("System prompt")).toHaveValue("Theirs.");
});

test("a key saved in Settings in one tab is used by the other tab's next message, and the theme follows", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  const b = await secondTab(page);
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("Provider").selectOption("openai");
  await inspector(page).getByLabel("Model").fill("gpt-4o-mini");
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const settings = page.getByRole("dialog", { name: "Settings" });
  await settings.getByLabel("OpenAI base URL").fill(`${mockLlm.url}/v1`);
  await settings.getByLabel("OpenAI API key").fill("sk-tabs-e2e");
  await settings.getByRole("button", { name: "Close" }).click();

  await sendMessage(b, "B1");
  await expect(chat(b).getByText('Mock reply #1 to "B1"')).toBeVisible();
  const call = mockLlm.requests.find((r) => r.path === "/v1/chat/completions");
  expect(call?.headers.authorization).toBe("Bearer sk-tabs-e2e");

  await page.getByRole("button", { name: /^Theme: / }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.getByRole("button", { name: /^Theme: / }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(b.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(b.getByRole("button", { name: "Theme: Dark" })).toBeVisible();
});
