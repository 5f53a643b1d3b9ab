import type { Page } from "@playwright/test";
import { STORE } from "../../src/storage/dbSchema";
import { seriousViolations } from "./axe";
import {
  chat,
  completionMessages,
  expect,
  sendMessage,
  storedRecords,
  test,
  useOpenAiCompatible,
  waitForReply,
} from "./fixtures";

/*
 * docs/memory.md, "Replaying a call": a recorded call sent again with another window reads the
 * memory as it stood at that call (not as it is now), over the same provider, and writes
 * nothing. Checked on what the mock LLM server received and on IndexedDB itself.
 */

async function say(page: Page, text: string) {
  await sendMessage(page, text);
  await waitForReply(page);
  await expect(chat(page).getByText(`to "${text}"`).last()).toBeVisible();
}

/** Every record a replay must leave alone: runs, memory, conversations, settings, flows. */
async function everythingStored(page: Page): Promise<string> {
  const stores = [
    STORE.runs,
    STORE.memoryMessages,
    STORE.conversations,
    STORE.settings,
    STORE.flows,
  ];
  const all: Record<string, unknown[]> = {};
  for (const store of stores) all[store] = await storedRecords(page, store);
  return JSON.stringify(all);
}

/** Opens run `n` in the Runs tab and the replay dialog of its one LLM call. */
async function openReplay(page: Page, n: number) {
  await page.getByRole("tab", { name: "Runs" }).click();
  await page.getByRole("button", { name: `Open run ${n}`, exact: true }).click();
  await page.getByRole("button", { name: "Replay with other settings…" }).click();
  const dialog = page.getByRole("dialog", { name: /Replay chat_llm/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

const reply = (n: number, text: string) => `assistant: Mock reply #${n} to "${text}"`;

test("a replay with a window of 3 sends what the third call would have seen, and changes nothing stored", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  for (const text of ["U1", "U2", "U3", "U4"]) await say(page, text);
  const before = await everythingStored(page);

  const dialog = await openReplay(page, 3);
  const original = dialog.getByRole("region", { name: "Original call" });
  // The original third call saw the whole memory of the time: U1, A1, U2, A2.
  await expect(
    original.getByRole("list", { name: /original call/ }).getByRole("listitem"),
  ).toHaveCount(6);
  await dialog.getByRole("textbox", { name: "Window (messages)" }).fill("3");
  await dialog.getByRole("button", { name: "Replay", exact: true }).click();

  const replay = dialog.getByRole("region", { name: "Replay 1" });
  await expect(replay.getByText('Mock reply #5 to "U3"')).toBeVisible();
  // The memory at the third call was [U1, A1, U2, A2]: a window of 3 keeps A1, U2, A2. The
  // memory now ends with U4, A4, which the replay never sees.
  expect(completionMessages(mockLlm, { system: false })[4]).toEqual([
    reply(1, "U1"),
    "user: U2",
    reply(2, "U2"),
    "user: U3",
  ]);
  // U1 is shown, greyed and marked, on the replay's side, and marked "not in the replay" on the original's.
  await expect(replay.getByText("dropped: not sent")).toHaveCount(1);
  await expect(replay.getByText("Of the memory, 1 left out by the window.")).toBeVisible();
  await expect(original.getByText("not in the replay")).toHaveCount(1);
  await expect(original.getByText('Mock reply #3 to "U3"')).toBeVisible();

  // Memory, runs and conversations are byte for byte as they were.
  expect(await everythingStored(page)).toBe(before);

  // Kept for the session: closed and opened again, the replay is still there.
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("1 replay this session")).toBeVisible();
  await page.getByRole("button", { name: "Replay with other settings…" }).click();
  await expect(
    page.getByRole("region", { name: "Replay 1" }).getByText('Mock reply #5 to "U3"'),
  ).toBeVisible();

  // The chat goes on from the real memory: the replay added nothing to it.
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await say(page, "U5");
  expect(completionMessages(mockLlm, { system: false })[5]).toHaveLength(9);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the replay view has no serious accessibility violations at 1440, 1024 and 390 px (${colorScheme})`, async ({
    browser,
    mockLlm,
  }) => {
    const page = await browser.newPage({ colorScheme, viewport: { width: 1440, height: 900 } });
    await page.goto("/");
    await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
    await say(page, "U1");
    await say(page, "U2");
    const dialog = await openReplay(page, 2);
    await dialog.getByRole("textbox", { name: "Window (messages)" }).fill("0");
    await dialog.getByRole("button", { name: "Replay", exact: true }).click();
    await expect(
      dialog.getByRole("region", { name: "Replay 1" }).getByText('Mock reply #3 to "U2"'),
    ).toBeVisible();
    for (const width of [1440, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await seriousViolations(page), `at ${width}px`).toEqual([]);
      // Nothing in the dialog scrolls sideways.
      const overflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
      expect(overflow, `at ${width}px`).toBeLessThanOrEqual(0);
    }
    await page.close();
  });
}
