import { chat, expect, inspector, sendMessage, test, waitForReply } from "../fixtures";
import { AFTER_FIRST, firstExchange, lastRequest, useOpenAi } from "./faultSteps";

test("a 404 for the model points to the node's Model field instead of offering Retry", async ({
  page,
  mockLlm,
}) => {
  await useOpenAi(page, mockLlm);
  await firstExchange(page);
  await page.getByRole("tab", { name: "Node" }).click();
  await inspector(page).getByLabel("Model").fill("gpt-5x");

  mockLlm.enqueue({ fail: "model-not-found" });
  await sendMessage(page, "U2");
  await expect(chat(page).getByRole("alert")).toContainText(
    `The model "gpt-5x" does not exist at OpenAI: change it in the node's Model field.`,
  );
  await waitForReply(page);
  await expect(chat(page).getByRole("button", { name: "Retry" })).toHaveCount(0);

  await chat(page).getByRole("button", { name: "Change model" }).click();
  await expect(page.getByRole("tab", { name: "Node" })).toHaveAttribute("aria-selected", "true");
  const model = inspector(page).getByLabel("Model");
  await expect(model).toBeFocused();
  await expect(model).toHaveValue("gpt-5x");
  await page.keyboard.type("gpt-4o-mini");

  await sendMessage(page, "U3");
  await expect(chat(page).getByText('Mock reply #2 to "U3"')).toBeVisible();
  // The fixed model is what was called, and the failed turn left nothing in memory.
  expect(mockLlm.requests.at(-1)?.body).toMatchObject({ model: "gpt-4o-mini" });
  expect(lastRequest(mockLlm)).toEqual([...AFTER_FIRST, "U3"]);
});
