import { chat, expect, sendMessage, test } from "../fixtures";
import { SLOW_REPLY, storedMemory, useMockChat } from "./faultHelpers";

test("Stop keeps the text already streamed, labelled stopped (in the chat and the Runs tab), and memory as it was", async ({
  page,
  mockLlm,
}) => {
  await useMockChat(page, mockLlm);
  mockLlm.enqueue(SLOW_REPLY);
  await sendMessage(page, "U2");
  await expect(chat(page).getByText("one two")).toBeVisible();
  await page.getByRole("button", { name: "Stop" }).click();

  await expect(
    chat(page).getByText("Stopped. Memory is as it was before this message."),
  ).toBeVisible();
  await expect(chat(page).getByText(/^one two/)).toBeVisible();
  expect((await storedMemory(page)).map((m) => m.content)).toEqual(["U1", 'Mock reply #1 to "U1"']);

  await chat(page).getByRole("button", { name: "Inspect run 2" }).click();
  const runs = page.getByRole("tabpanel", { name: "Runs" });
  await expect(runs.getByText("Stopped", { exact: true }).first()).toBeVisible();
  await expect(runs.getByText("Failed", { exact: true })).toHaveCount(0);

  // Kept across a reload too.
  await page.reload();
  await expect(chat(page).getByText(/^one two/)).toBeVisible();
  await expect(
    chat(page).getByText("Stopped. Memory is as it was before this message."),
  ).toBeVisible();
});
