import { DB_NAME } from "../../../src/storage/dbSchema";
import { chat, expect, sendMessage, test, waitForReply } from "../fixtures";
import { installStorageFaults, setStorageFaults, storageNotices } from "./storageFaults";

test("IndexedDB unavailable (a private mode): the app runs in memory with a banner that stays, and keeps nothing", async ({
  page,
}) => {
  await installStorageFaults(page, { refuseOpen: true });
  await page.goto("/");

  const banner = storageNotices(page).getByText(
    "Nothing will be kept: this browser's storage is unavailable (A mutation operation was attempted on a database that did not allow mutations).",
    { exact: false },
  );
  await expect(banner).toBeVisible();
  await expect(page.getByRole("button", { name: "Dismiss" })).toHaveCount(0);
  // Everything works, for this tab.
  await sendMessage(page, "Hi in memory");
  await waitForReply(page);
  await expect(chat(page).getByText("You: Hi in memory", { exact: true })).toBeVisible();

  // What the browser keeps: nothing at all.
  await setStorageFaults(page, { refuseOpen: false });
  const databases = await page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name),
  );
  expect(databases).not.toContain(DB_NAME);
  await page.reload();
  await expect(banner).toBeVisible();
  await expect(chat(page).getByText("You: Hi in memory", { exact: true })).toHaveCount(0);
});
