import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "@playwright/test";
import { STORE } from "../../../src/storage/dbSchema";
import {
  chat,
  completionMessages,
  expect,
  inspector,
  sendMessage,
  test,
  useOpenAiCompatible,
  waitForReply,
} from "../fixtures";
import { countRecords } from "../storedRecords";

/*
 * Backup and restore as a user does it: back up from the Flows menu, wipe (a new browser
 * profile), restore after a preview, and carry on chatting with the memory the backup held.
 */

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

/** A key typed in the inspector: it must reach the provider and never a backup. */
const SECRET = "sk-test-never-in-a-backup-4242";

async function flowsMenu(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: /^Flows: / }).click();
  const menu = page.getByRole("dialog", { name: "Flows" });
  await expect(menu).toBeVisible();
  return menu;
}

/** Backs up from the Flows menu; the file's text. */
async function backUp(page: Page): Promise<{ name: string; text: string }> {
  const menu = await flowsMenu(page);
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("button", { name: "Back up everything" }).click(),
  ]);
  await page.keyboard.press("Escape");
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

/** Chooses a file under Restore backup (or Import flow) and returns the dialog it opens. */
async function chooseFile(
  page: Page,
  button: "Restore backup" | "Import flow",
  file: { name: string; text: string },
) {
  const menu = await flowsMenu(page);
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    menu.getByRole("button", { name: button }).click(),
  ]);
  await chooser.setFiles({
    name: file.name,
    mimeType: "application/json",
    buffer: Buffer.from(file.text),
  });
}

/** The stores a restore writes to, counted before and after. */
const storeCounts = (page: Page) =>
  countRecords(page, [STORE.flows, STORE.conversations, STORE.runs, STORE.memoryMessages]);

const reply = (n: number, text: string) => `Mock reply #${n} to "${text}"`;

/** Two turns with the starter flow on the mock server (a key typed, as for a hosted provider). */
async function twoTurns(page: Page, mockUrl: string) {
  await page.goto("/");
  // biome-ignore lint/correctness/useHookAtTopLevel: a Playwright helper named like a hook, not a React hook.
  await useOpenAiCompatible(page, "chat_llm", `${mockUrl}/v1`);
  // The key is bound to the server set for it in Settings: the same one the node calls.
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByLabel("OpenAI-compatible base URL").fill(`${mockUrl}/v1`);
  await page.getByRole("button", { name: "Close" }).click();
  await inspector(page).getByLabel("API key").fill(SECRET);
  await sendMessage(page, "Hi! My name is David");
  await waitForReply(page);
  await sendMessage(page, "What is my name?");
  await expect(chat(page).getByText(reply(2, "What is my name?"))).toBeVisible();
  await waitForReply(page);
}

test("back up, wipe, restore: the conversation continues with its memory", async ({
  page,
  browser,
  mockLlm,
}) => {
  await twoTurns(page, mockLlm.url);
  const backup = await backUp(page);
  expect(backup.name).toMatch(/^llm-flow-studio-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(backup.text).not.toContain(SECRET);
  expect(backup.text).not.toMatch(/api_?key/i);
  const file = JSON.parse(backup.text);
  expect(file).toMatchObject({ schema: "llm-flow-studio/backup", version: 2 });

  // A wiped browser: a new profile, with nothing but the starter flow.
  const fresh = await browser.newContext();
  const wiped = await fresh.newPage();
  await wiped.goto("/");
  await expect(wiped.getByRole("button", { name: "Flows: Chat with memory" })).toBeVisible();
  await chooseFile(wiped, "Restore backup", backup);
  const preview = wiped.getByRole("dialog", { name: "Restore backup" });
  await expect(preview).toBeVisible();
  await expect(preview.locator(".import-summary")).toContainText("Flows1");
  for (const [term, count] of [
    ["Conversations", "1"],
    ["Runs", "2"],
    ["Memory messages", "4"],
  ] as const) {
    await expect(preview.getByText(term, { exact: true }).locator("xpath=..")).toContainText(count);
  }
  await expect(
    preview.getByRole("region", { name: "Flows in the backup" }).getByRole("listitem"),
  ).toHaveText(["Chat with memory → Chat with memory (2) (the name is taken) · 1 conversation"]);
  await preview.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(preview).toBeHidden();

  // The restored flow is open on its conversation, where it was.
  await expect(wiped.getByRole("button", { name: "Flows: Chat with memory (2)" })).toBeVisible();
  await expect(chat(wiped).getByText(reply(2, "What is my name?"))).toBeVisible();
  await sendMessage(wiped, "And my surname?");
  await expect(chat(wiped).getByText(reply(3, "And my surname?"))).toBeVisible();
  expect(completionMessages(mockLlm, { system: false }).at(-1)).toEqual([
    "user: Hi! My name is David",
    `assistant: ${reply(1, "Hi! My name is David")}`,
    "user: What is my name?",
    `assistant: ${reply(2, "What is my name?")}`,
    "user: And my surname?",
  ]);
  // No key came with the backup: the restored browser never sent one.
  expect(mockLlm.requests.at(-1)?.headers.authorization).toBeUndefined();
  await fresh.close();
});

test("restoring the same backup twice adds copies and overwrites nothing", async ({
  page,
  mockLlm,
}) => {
  await twoTurns(page, mockLlm.url);
  const backup = await backUp(page);
  const before = await storeCounts(page);
  expect(before).toEqual({ flows: 1, conversations: 1, runs: 2, memoryMessages: 4 });

  for (const copy of [2, 3]) {
    await chooseFile(page, "Restore backup", backup);
    const preview = page.getByRole("dialog", { name: "Restore backup" });
    await expect(preview.getByRole("listitem").first()).toContainText(
      `→ Chat with memory (${copy})`,
    );
    await expect(preview).toContainText("get a new id");
    await preview.getByRole("button", { name: "Restore", exact: true }).click();
    await expect(
      page.getByRole("button", { name: `Flows: Chat with memory (${copy})` }),
    ).toBeVisible();
  }
  expect(await storeCounts(page)).toEqual({
    flows: 3,
    conversations: 3,
    runs: 6,
    memoryMessages: 12,
  });
  const menu = await flowsMenu(page);
  await menu.getByRole("button", { name: "Open Chat with memory", exact: true }).click();
  // The original is as it was, and its chat goes on from its own memory.
  await expect(chat(page).getByText(reply(2, "What is my name?"))).toBeVisible();
  await sendMessage(page, "Still there?");
  await expect(chat(page).getByText(reply(3, "Still there?"))).toBeVisible();
  expect(completionMessages(mockLlm, { system: false }).at(-1)).toHaveLength(5);
});

test("a bad backup is refused with the path of each problem, and nothing is added", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Flows: Chat with memory" })).toBeVisible();
  const before = await storeCounts(page);
  const name = "several-shape-errors.json";
  await chooseFile(page, "Restore backup", {
    name,
    text: await readFile(fixture(`bad-backups/${name}`), "utf8"),
  });
  const refusal = page.getByRole("dialog", { name: `Cannot import ${name}` });
  await expect(refusal.getByRole("listitem")).toHaveText([
    "conversations[0].title: must be text",
    "runs[0].status: is required",
    "runs[1].startedAt: must be a time (milliseconds since 1970)",
  ]);
  await expect(refusal.getByRole("button", { name: "Restore" })).toHaveCount(0);
  await refusal.getByRole("button", { name: "Close" }).click();
  expect(await storeCounts(page)).toEqual(before);
});

test("a flow file with conversations restores them, and the chat continues where it was", async ({
  page,
  browser,
  mockLlm,
}) => {
  await twoTurns(page, mockLlm.url);
  const menu = await flowsMenu(page);
  await menu.getByRole("checkbox", { name: "Include conversations and memories" }).check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("button", { name: "Export flow" }).click(),
  ]);
  const flowFile = {
    name: download.suggestedFilename(),
    text: await readFile(await download.path(), "utf8"),
  };

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/");
  await expect(other.getByRole("button", { name: "Flows: Chat with memory" })).toBeVisible();
  await chooseFile(other, "Import flow", flowFile);
  const preview = other.getByRole("dialog", { name: "Import Chat with memory" });
  await expect(preview).toContainText(
    "also holds 1 conversation (2 runs, 4 memory messages): they are restored with the flow",
  );
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  await expect(other.getByRole("button", { name: "Flows: Chat with memory (2)" })).toBeVisible();
  await expect(chat(other).getByText(reply(1, "Hi! My name is David"))).toBeVisible();
  await expect(chat(other).getByText(reply(2, "What is my name?"))).toBeVisible();

  await sendMessage(other, "Say it again");
  await expect(chat(other).getByText(reply(3, "Say it again"))).toBeVisible();
  expect(completionMessages(mockLlm, { system: false }).at(-1)).toEqual([
    "user: Hi! My name is David",
    `assistant: ${reply(1, "Hi! My name is David")}`,
    "user: What is my name?",
    `assistant: ${reply(2, "What is my name?")}`,
    "user: Say it again",
  ]);
  await fresh.close();
});

test("shared memory, its edits and pins are backed up and restored under the restored flow", async ({
  page,
  browser,
  mockLlm,
}) => {
  // Two browsers, a chat in each, a backup and a restore: slow on a shared machine.
  test.setTimeout(90_000);
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await inspector(page).getByLabel("Shared by every conversation of this flow").check();
  await sendMessage(page, "My name is David");
  await waitForReply(page);
  // Edited and pinned in the Memory tab: two versions of the message.
  await page.getByRole("tab", { name: "Memory" }).click();
  const row = page
    .getByRole("tabpanel", { name: "Memory" })
    .locator(".memory-message.is-user")
    .filter({ hasText: "My name is" });
  await row.getByRole("button", { name: /^Edit/ }).click();
  await row.getByRole("textbox").fill("My name is Dave");
  await row.getByRole("button", { name: /^Save/ }).click();
  await row.getByRole("button", { name: /^Pin/ }).click();
  await expect(row).toContainText("pinned");

  const backup = await backUp(page);
  const file = JSON.parse(backup.text);
  expect(file.version).toBe(2);
  expect(file.flowMemoryHeads).toHaveLength(1);
  expect(file.memoryEdits.map((e: { version: number }) => e.version)).toEqual([1, 2]);

  const fresh = await browser.newContext();
  const wiped = await fresh.newPage();
  await wiped.goto("/");
  await expect(wiped.getByRole("button", { name: "Flows: Chat with memory" })).toBeVisible();
  await chooseFile(wiped, "Restore backup", backup);
  const preview = wiped.getByRole("dialog", { name: "Restore backup" });
  await preview.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(wiped.getByRole("button", { name: "Flows: Chat with memory (2)" })).toBeVisible();
  // A new conversation of the restored flow starts with the shared memory, edited and pinned.
  await chat(wiped).getByRole("button", { name: "New conversation" }).click();
  await sendMessage(wiped, "Who am I?");
  await expect(chat(wiped).getByText(reply(2, "Who am I?"))).toBeVisible();
  expect(completionMessages(mockLlm, { system: false }).at(-1)).toEqual([
    "user: My name is Dave",
    `assistant: ${reply(1, "My name is David")}`,
    "user: Who am I?",
  ]);
  await fresh.close();
});
