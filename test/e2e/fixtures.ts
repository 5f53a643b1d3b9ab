import { test as base, expect, type Page } from "@playwright/test";
import { type MockLlmServer, startMockLlmServer } from "../mock-llm/mockLlmServer";

/**
 * Every spec imports `test` from here: each test gets a mock LLM server of its own on a free
 * port (started before, closed after), and Playwright gives each a fresh browser context.
 */
export const test = base.extend<{ mockLlm: MockLlmServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their deps as a destructured object.
  mockLlm: async ({}, use) => {
    const server = await startMockLlmServer();
    await use(server);
    await server.close();
  },
});

export { expect };

/** Types a message into the chat and sends it, as a user would. */
export async function sendMessage(page: Page, text: string) {
  await page.getByLabel("Message").fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

/** Waits until the run in progress is over (the Send button is back). */
export async function waitForReply(page: Page) {
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible();
}
