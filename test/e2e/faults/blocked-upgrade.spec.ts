import { DB_NAME, DB_VERSION } from "../../../src/storage/dbSchema";
import { expect, savedFlows, test } from "../fixtures";
import { storageNotices } from "./storageFaults";

test("an upgrade blocked by another tab on the older version says so after a few seconds, and opens once that tab lets go", async ({
  page,
  context,
}) => {
  // The other tab: an older build of the app, its version-1 database open, deaf to requests
  // to close it.
  const older = await context.newPage();
  await older.goto("/favicon.svg");
  await older.evaluate(
    ({ name, version }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, version);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore("flows", { keyPath: "id" }).createIndex("byUpdatedAt", "updatedAt");
          const conversations = db.createObjectStore("conversations", { keyPath: "id" });
          conversations.createIndex("byFlowId", "flowId");
          conversations.createIndex("byFlowIdUpdatedAt", ["flowId", "updatedAt"]);
          const runs = db.createObjectStore("runs", { keyPath: "id" });
          runs.createIndex("byConversationId", "conversationId");
          runs.createIndex("byParentRunId", "parentRunId");
          db.createObjectStore("memoryMessages", { keyPath: "id" }).createIndex(
            "byConversationId",
            "conversationId",
          );
          db.createObjectStore("settings");
        };
        request.onsuccess = () => {
          (window as unknown as { olderDb: IDBDatabase }).olderDb = request.result;
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
    { name: DB_NAME, version: DB_VERSION - 1 },
  );

  await page.goto("/");
  await expect(page.getByText("Opening your flows…")).toBeVisible();
  await expect(
    storageNotices(page).getByText(
      "Another tab of LLM Flow Studio holds an older version of this browser's storage open. Close the other tabs of LLM Flow Studio to continue.",
    ),
  ).toBeVisible({ timeout: 6_000 });

  // The user closes the other tab: the upgrade goes on and the app opens.
  await older.close();
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
  await expect(storageNotices(page)).toBeHidden();
  await expect
    .poll(async () => (await savedFlows(page)).map((r) => r.flow.name))
    .toEqual(["Chat with memory"]);
});
