import type { RunSnapshot } from "../../../src/engine/runSnapshot";
import { DB_NAME, DB_VERSION, STORE } from "../../../src/storage/dbSchema";
import { chat, expect, sendMessage, test } from "../fixtures";
import { SLOW_REPLY, useMockChat } from "./faultHelpers";
import { storageNotices } from "./storageFaults";

test("a newer version opened in another tab: this tab saves its reply in flight as interrupted, lets go of storage, and says to reload", async ({
  page,
  context,
  mockLlm,
}) => {
  await useMockChat(page, mockLlm);
  mockLlm.enqueue(SLOW_REPLY);
  await sendMessage(page, "U2");
  await expect(chat(page).getByText("one two")).toBeVisible();

  // Another tab opens the database at a newer version (a new build of the app).
  const newer = await context.newPage();
  await newer.goto("/favicon.svg");
  const stored = await newer.evaluate(
    ({ name, version, runs }) =>
      new Promise<{ version: number; runs: RunSnapshot[] }>((resolve, reject) => {
        const request = indexedDB.open(name, version);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(runs).objectStore(runs).getAll();
          all.onsuccess = () => resolve({ version: db.version, runs: all.result as RunSnapshot[] });
          all.onerror = () => reject(all.error);
        };
      }),
    { name: DB_NAME, version: DB_VERSION + 1, runs: STORE.runs },
  );

  // That tab got the database (this one closed its connection)...
  expect(stored.version).toBe(DB_VERSION + 1);
  // ...after this one saved the reply in flight, interrupted, with what had streamed.
  const run = stored.runs.find((r) => r.input === "U2");
  expect(run?.status).toBe("interrupted");
  expect(run?.outputs.output).toMatch(/^one two/);

  await expect(
    storageNotices(page).getByText(
      "LLM Flow Studio was updated in another tab; reload this tab to continue.",
    ),
  ).toBeVisible();
  await expect(chat(page).getByText(/^one two/)).toBeVisible();
  await expect(chat(page).getByText(/^Interrupted/)).toBeVisible();
  await expect(storageNotices(page).getByRole("button", { name: "Reload this tab" })).toBeVisible();
});
