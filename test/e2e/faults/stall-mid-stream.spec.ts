import { chat, expect, sendMessage, test, waitForReply } from "../fixtures";
import { AFTER_FIRST, firstExchange, lastRequest, setTimeouts, useOpenAi } from "./faultSteps";

test("a stream that stalls mid-reply ends after the idle timeout, and memory keeps nothing of it", async ({
  page,
  mockLlm,
}) => {
  await useOpenAi(page, mockLlm);
  await setTimeouts(page, 2);
  await firstExchange(page);

  mockLlm.enqueue({ reply: "one two three four", stallAfterChunks: 2 });
  await sendMessage(page, "U2");
  await expect(chat(page).getByText("one two")).toBeVisible();
  await expect(chat(page).getByRole("alert")).toHaveText(
    /^The reply stopped arriving for 2 s: OpenAI went silent in the middle of it\./,
  );
  await waitForReply(page);
  await expect(chat(page).getByRole("button", { name: "Retry" })).toBeVisible();
  expect(await mockLlm.requests.at(-1)?.ended).toBe("client-closed");

  await sendMessage(page, "U3");
  await expect(chat(page).getByText('Mock reply #3 to "U3"')).toBeVisible();
  // Neither U2 nor its half reply reached memory.
  expect(lastRequest(mockLlm)).toEqual([...AFTER_FIRST, "U3"]);
});
