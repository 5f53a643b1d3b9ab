import { expect, sendMessage, test, waitForReply } from "../fixtures";
import { installStorageFaults, MB, setStorageFaults, storageNotices } from "./storageFaults";

test("storage 80% used is warned of until dismissed, and warned of again when usage crosses 80% again", async ({
  page,
}) => {
  await installStorageFaults(page, { usage: 41 * MB, quota: 50 * MB });
  await page.goto("/");
  const warning = storageNotices(page).getByText(
    "Storage is 82% full (41 MB of 50 MB used). Free space or export a backup before saving starts to fail.",
  );
  await expect(warning).toBeVisible();
  await storageNotices(page).getByRole("button", { name: "Dismiss" }).click();
  await expect(warning).toBeHidden();

  // Below 80%, then above again: a later write's quota check warns again.
  await setStorageFaults(page, { usage: 20 * MB });
  await sendMessage(page, "Hello");
  await waitForReply(page);
  await page.waitForTimeout(2_500);
  await expect(storageNotices(page)).toBeHidden();
  await setStorageFaults(page, { usage: 45 * MB });
  await sendMessage(page, "Again");
  await waitForReply(page);
  await expect(
    storageNotices(page).getByText(/^Storage is 90% full \(45 MB of 50 MB used\)/),
  ).toBeVisible();
});
