import { chat, completionMessages, expect, sendMessage, test, waitForReply } from "../fixtures";
import { AFTER_FIRST, firstExchange, lastRequest, useOpenAi } from "./faultSteps";

test("a 429 is retried after retry-after with a countdown, then the reply arrives once", async ({
  page,
  mockLlm,
}) => {
  await useOpenAi(page, mockLlm);
  await firstExchange(page);

  mockLlm.enqueue({ fail: "rate-limit", retryAfter: "3" });
  await sendMessage(page, "U2");
  const countdown = chat(page).getByText(/^Rate limited by OpenAI: retrying in [123] s…$/);
  await expect(countdown).toBeVisible();
  await expect(chat(page).getByRole("button", { name: "Cancel" })).toBeVisible();
  await expect(chat(page).getByText("Rate limited by OpenAI: retrying in 1 s…")).toBeVisible();

  await expect(chat(page).getByText('Mock reply #2 to "U2"')).toBeVisible();
  await waitForReply(page);
  await expect(countdown).toBeHidden();
  await expect(chat(page).getByRole("alert")).toHaveCount(0);
  // One refused request, then the retry with exactly the same messages.
  const calls = completionMessages(mockLlm, { roles: false });
  expect(calls).toHaveLength(3);
  expect(calls[1]).toEqual([...AFTER_FIRST, "U2"]);
  expect(calls[2]).toEqual(calls[1]);

  await sendMessage(page, "U3");
  await expect(chat(page).getByText('Mock reply #3 to "U3"')).toBeVisible();
  // Memory holds the successful exchange once.
  expect(lastRequest(mockLlm)).toEqual([...AFTER_FIRST, "U2", 'Mock reply #2 to "U2"', "U3"]);
});
