import { STORE } from "../../../src/storage/dbSchema";
import {
  chat,
  expect,
  inspector,
  savedNode,
  selectNode,
  sendMessage,
  storedRecords,
  test,
  waitForReply,
} from "../fixtures";
import { storedConversations, storedMemory } from "./faultHelpers";
import { installStorageFaults, MB, setStorageFaults, storageNotices } from "./storageFaults";

test("full storage: the refused edit is said with the usage, the app turns read-only but exports and deletes, and freeing space saves the edit", async ({
  page,
}) => {
  await installStorageFaults(page, { usage: 10 * MB, quota: 50 * MB });
  await page.goto("/");
  await sendMessage(page, "Remember me");
  await waitForReply(page);
  await expect(chat(page).getByText("You: Remember me", { exact: true })).toBeVisible();

  await setStorageFaults(page, { full: true, usage: 48 * MB, usageAfterDelete: 30 * MB });
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("System prompt").fill("Answer like a pirate.");

  const notices = storageNotices(page);
  await expect(
    notices.getByText(
      "Could not save flow 'Chat with memory'. Storage is full: 48 MB of 50 MB used.",
    ),
  ).toBeVisible();
  await expect(
    notices.getByText(/^Storage is full \(48 MB of 50 MB used\): the app is read-only/),
  ).toBeVisible();
  // The edit is not lost: the journal has it while storage refuses it.
  const journal = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("llm-flow-studio.pendingEdit:")),
  );
  expect(journal).toHaveLength(1);
  expect((await savedNode(page, "chat_llm"))?.config).not.toMatchObject({
    systemPrompt: "Answer like a pirate.",
  });

  // A message is kept in the box with the reason, not sent into a write that fails.
  await sendMessage(page, "Still there?");
  await expect(chat(page).getByText("Storage is full: free space, then send again.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "Still there?",
  );

  // Export still works.
  const download = page.waitForEvent("download");
  await notices.getByRole("button", { name: "Export a backup" }).first().click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);

  // Free space: the conversation, with its size; deleting it frees room and ends read-only.
  await notices.getByRole("button", { name: "Free space" }).first().click();
  const freeSpace = notices.getByRole("region", { name: /^Free space/ });
  await freeSpace.getByRole("button", { name: /^Delete conversation "Remember me"/ }).click();
  await expect(notices.getByText(/the app is read-only/)).toBeHidden();
  await expect(
    notices.getByText("Could not save flow 'Chat with memory'.", { exact: false }),
  ).toBeHidden();

  // What IndexedDB holds: the edit saved by the retry, the conversation gone with its memory.
  await expect
    .poll(async () => (await savedNode(page, "chat_llm"))?.config)
    .toMatchObject({ systemPrompt: "Answer like a pirate." });
  expect(await storedConversations(page)).toEqual([]);
  expect(await storedMemory(page)).toEqual([]);
  expect(await storedRecords(page, STORE.runs)).toEqual([]);
});
