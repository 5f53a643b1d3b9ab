import { chat, expect, sendMessage, test, waitForReply } from "../fixtures";
import { storedMemory, storedRuns, useMockChat } from "./faultHelpers";
import { installStorageFaults, MB, setStorageFaults, storageNotices } from "./storageFaults";

test("a reply whose final write storage refuses stays on screen marked not saved, leaves no memory behind, and Retry save stores it with its memory", async ({
  page,
  mockLlm,
}) => {
  await installStorageFaults(page, { usage: 47 * MB, quota: 50 * MB });
  await useMockChat(page, mockLlm);
  await setStorageFaults(page, { refuseFinalRuns: true });

  await sendMessage(page, "U2");
  await waitForReply(page);
  // The paid reply is not thrown away: on screen, marked, with a way to save it.
  await expect(chat(page).getByText('Mock reply #2 to "U2"')).toBeVisible();
  await expect(
    chat(page).getByText(/^Not saved \(see above\): this reply is only on screen/),
  ).toBeVisible();
  await expect(
    storageNotices(page).getByText(
      "Could not save the reply to 'U2'. Storage is full: 47 MB of 50 MB used.",
    ),
  ).toBeVisible();
  // No orphan memory messages: the refused transaction left nothing of U2 behind.
  expect((await storedMemory(page)).map((m) => m.content)).toEqual(["U1", 'Mock reply #1 to "U1"']);
  expect((await storedRuns(page)).find((r) => r.input === "U2")?.status).toBe("running");

  await setStorageFaults(page, { refuseFinalRuns: false });
  await chat(page).getByRole("button", { name: "Retry save" }).click();
  await expect(chat(page).getByText(/^Not saved/)).toBeHidden();
  await expect(storageNotices(page).getByText(/^Could not save the reply/)).toBeHidden();
  await expect(storageNotices(page).getByText(/read-only/)).toBeHidden();
  await expect
    .poll(async () => (await storedRuns(page)).find((r) => r.input === "U2")?.status)
    .toBe("ok");
  expect((await storedMemory(page)).map((m) => m.content).sort()).toEqual(
    ["U1", 'Mock reply #1 to "U1"', "U2", 'Mock reply #2 to "U2"'].sort(),
  );
  // After a reload the saved reply is there, as any other.
  await page.reload();
  await expect(chat(page).getByText('Mock reply #2 to "U2"')).toBeVisible();
});
