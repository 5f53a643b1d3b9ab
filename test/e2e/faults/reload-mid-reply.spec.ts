import { chat, expect, sendMessage, test } from "../fixtures";
import { draftOf, received, SLOW_REPLY, storedMemory, useMockChat } from "./faultHelpers";

test("a reload in the middle of a reply keeps the message and the partial reply, interrupted, and Retry continues with the right memory", async ({
  page,
  mockLlm,
}) => {
  await useMockChat(page, mockLlm);
  mockLlm.enqueue(SLOW_REPLY);
  await sendMessage(page, "U2");
  await expect(chat(page).getByText("one two three")).toBeVisible();
  // The draft reaches IndexedDB within its throttle (500 ms): reload once it has.
  await expect.poll(() => draftOf(page, "U2"), { timeout: 5_000 }).toContain("one two three");
  await page.reload();

  await expect(chat(page).getByText("You: U2", { exact: true })).toBeVisible();
  await expect(chat(page).getByText(/^one two three/)).toBeVisible();
  await expect(chat(page).getByText(/^Interrupted: the page was reloaded/)).toBeVisible();
  // Memory holds the first exchange only: the interrupted reply was never added.
  expect((await storedMemory(page)).map((m) => m.content)).toEqual(["U1", 'Mock reply #1 to "U1"']);

  await chat(page).getByRole("button", { name: "Retry" }).click();
  await expect(chat(page).getByText('Mock reply #3 to "U2"')).toBeVisible();
  expect(received(mockLlm).at(-1)).toEqual(["U1", 'Mock reply #1 to "U1"', "U2"]);
  expect((await storedMemory(page)).map((m) => m.content).sort()).toEqual(
    ["U1", 'Mock reply #1 to "U1"', "U2", 'Mock reply #3 to "U2"'].sort(),
  );
});
