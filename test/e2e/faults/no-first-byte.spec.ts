import { chat, expect, sendMessage, test, waitForReply } from "../fixtures";
import { AFTER_FIRST, firstExchange, lastRequest, setTimeouts, useOpenAi } from "./faultSteps";

test("a server that never answers ends the call after the first-byte timeout, with Retry", async ({
  page,
  mockLlm,
}) => {
  await useOpenAi(page, mockLlm);
  await setTimeouts(page, 2);
  await firstExchange(page);

  mockLlm.enqueue({ hang: true });
  await sendMessage(page, "U2");
  await expect(chat(page).getByText("Thinking…")).toBeVisible();
  const alert = chat(page).getByRole("alert");
  await expect(alert).toHaveText(/^OpenAI sent nothing for 2 s: .*Settings › Timeouts\./);
  await waitForReply(page);
  // The app hung up: the server is not left holding the request.
  expect(await mockLlm.requests.at(-1)?.ended).toBe("client-closed");

  await chat(page).getByRole("button", { name: "Retry" }).click();
  await expect(chat(page).getByText('Mock reply #2 to "U2"')).toBeVisible();
  // Memory got nothing from the failed call: the retry sees the first exchange, then U2.
  expect(lastRequest(mockLlm)).toEqual([...AFTER_FIRST, "U2"]);
});
