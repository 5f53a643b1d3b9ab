import type { Page } from "@playwright/test";
import type { MockLlmServer } from "../mock-llm/mockLlmServer";
import {
  chat,
  completionMessages,
  expect,
  inspector,
  sendMessage,
  test,
  useOpenAiCompatible,
  waitForReply,
} from "./fixtures";

const received = (mockLlm: MockLlmServer) =>
  completionMessages(mockLlm, { system: false, roles: false });

async function say(page: Page, text: string) {
  await sendMessage(page, text);
  await waitForReply(page);
}

test("editing an earlier message branches: memory rewinds there, and both branches are kept", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  for (const u of ["U1", "U2", "U3"]) await say(page, u);

  await chat(page).getByRole("button", { name: "Edit message 2" }).click();
  await chat(page).getByRole("textbox", { name: "Edit message" }).fill("U2 edited");
  await chat(page).getByRole("button", { name: "Send edit" }).click();
  await waitForReply(page);
  // The edit continued from the run before it: U2 and U3 are not in its memory.
  expect(received(mockLlm)[3]).toEqual(["U1", 'Mock reply #1 to "U1"', "U2 edited"]);
  await expect(chat(page).getByText('Mock reply #4 to "U2 edited"')).toBeVisible();
  await expect(chat(page).getByText('Mock reply #3 to "U3"')).toHaveCount(0);

  // Back to the first version: U3 is there again, and the next message continues that branch.
  await chat(page).getByRole("button", { name: "Previous version" }).click();
  await expect(chat(page).getByText('Mock reply #3 to "U3"')).toBeVisible();
  await say(page, "U4");
  expect(received(mockLlm)[4]).toEqual([
    "U1",
    'Mock reply #1 to "U1"',
    "U2",
    'Mock reply #2 to "U2"',
    "U3",
    'Mock reply #3 to "U3"',
    "U4",
  ]);

  // Both branches survive a reload.
  await page.reload();
  await expect(chat(page).getByText('Mock reply #5 to "U4"')).toBeVisible();
  await chat(page).getByRole("button", { name: "Next version" }).click();
  await expect(chat(page).getByText('Mock reply #4 to "U2 edited"')).toBeVisible();
  await expect(chat(page).getByText('Mock reply #5 to "U4"')).toHaveCount(0);
});

test("conversations: a new one starts empty, and the old one reopens after a reload with its memory", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await say(page, "My name is David");
  await chat(page).getByRole("button", { name: "New conversation" }).click();
  await say(page, "Hello again");
  expect(received(mockLlm)[1]).toEqual(["Hello again"]);

  await page.reload();
  await chat(page)
    .getByRole("combobox", { name: "Conversations" })
    .selectOption({ label: "My name is David" });
  await expect(chat(page).getByText('Mock reply #1 to "My name is David"')).toBeVisible();
  await say(page, "What is my name?");
  expect(received(mockLlm)[2]).toEqual([
    "My name is David",
    'Mock reply #1 to "My name is David"',
    "What is my name?",
  ]);
});

test("the run inspector shows what a call received, with the window's dropped messages greyed", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await inspector(page).getByLabel("Memory window size").fill("2");
  for (const u of ["U1", "U2", "U3"]) await say(page, u);

  await chat(page).getByRole("button", { name: "Inspect run 3" }).click();
  const runs = page.getByRole("tabpanel", { name: "Runs" });
  const sent = runs.getByRole("list", { name: "Messages sent by chat_llm" });
  await expect(sent).toContainText("U2");
  await expect(sent).toContainText('Mock reply #2 to "U2"');
  await expect(sent).toContainText("U3");
  await expect(sent.getByText("dropped", { exact: false }).first()).toBeVisible();
  await expect(sent).toContainText("memory chat_llm");
  await expect(sent).toContainText("this run");
});

test("clearing a memory empties it for the next message, and earlier runs keep what they received", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await say(page, "U1");
  await say(page, "U2");
  await page.getByRole("tab", { name: "Memory" }).click();
  const panel = page.getByRole("tabpanel", { name: "Memory" });
  await expect(panel.getByText("4 messages")).toBeVisible();
  await panel.getByRole("button", { name: "Clear memory chat_llm" }).click();
  await page
    .getByRole("alertdialog", { name: "Clear memory chat_llm?" })
    .getByRole("button", { name: "Clear memory" })
    .click();
  await say(page, "U3");
  expect(received(mockLlm)[2]).toEqual(["U3"]);
  await page.getByRole("tab", { name: "Memory" }).click();
  await expect(panel.getByText("2 messages")).toBeVisible();
  await expect(panel).toContainText("U3");
  await expect(panel).not.toContainText("U1");
  // History is not rewritten: run 2 still shows U1 among what it was sent.
  await page.getByRole("tab", { name: "Chat" }).click();
  await chat(page).getByRole("button", { name: "Inspect run 2" }).click();
  const sent = page
    .getByRole("tabpanel", { name: "Runs" })
    .getByRole("list", { name: "Messages sent by chat_llm" });
  await expect(sent).toContainText("U1");
});

test("settings: test connection lists the models an OpenAI-compatible server offers", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  await dialog.getByLabel("OpenAI-compatible base URL").fill(`${mockLlm.url}/v1`);
  await dialog.getByRole("button", { name: "Test connection to OpenAI-compatible" }).click();
  await expect(dialog.getByRole("list", { name: "Models from OpenAI-compatible" })).toContainText(
    "mock-model",
  );
});
