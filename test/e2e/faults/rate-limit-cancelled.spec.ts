import { chat, completionMessages, expect, sendMessage, test, waitForReply } from "../fixtures";
import { AFTER_FIRST, firstExchange, lastRequest, useOpenAi } from "./faultSteps";

test("cancelling a rate-limit countdown ends the message as the 429, with Retry", async ({
  page,
  mockLlm,
}) => {
  await useOpenAi(page, mockLlm);
  await firstExchange(page);

  mockLlm.enqueue({ fail: "rate-limit", retryAfter: "30" });
  await sendMessage(page, "U2");
  await expect(
    chat(page).getByText(/^Rate limited by OpenAI: retrying in (30|29) s…$/),
  ).toBeVisible();
  await chat(page).getByRole("button", { name: "Cancel" }).click();

  const alert = chat(page).getByRole("alert");
  await expect(alert).toContainText("OpenAI is limiting requests (429). Try again in 30 seconds.");
  await waitForReply(page);
  await expect(chat(page).getByText(/Rate limited by OpenAI/)).toBeHidden();
  await expect(chat(page).getByRole("button", { name: "Retry" })).toBeVisible();
  // No retry was sent.
  expect(completionMessages(mockLlm)).toHaveLength(2);

  await sendMessage(page, "U3");
  await expect(chat(page).getByText('Mock reply #2 to "U3"')).toBeVisible();
  expect(lastRequest(mockLlm)).toEqual([...AFTER_FIRST, "U3"]);
});
