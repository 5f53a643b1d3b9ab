import type { Page } from "@playwright/test";
import type { MockLlmServer } from "../../mock-llm/mockLlmServer";
import {
  chat,
  completionMessages,
  expect,
  inspector,
  selectNode,
  sendMessage,
  waitForReply,
} from "../fixtures";

/** Points the chat LLM at OpenAI, served by the mock, as a user would with a proxy URL. */
export async function useOpenAi(page: Page, mockLlm: MockLlmServer, model = "gpt-4o-mini") {
  await page.goto("/");
  await selectNode(page, "chat_llm");
  const panel = inspector(page);
  await panel.getByLabel("Provider").selectOption("openai");
  await panel.getByLabel("Model").fill(model);
  // The key goes only to the address set in Settings (or approved there), not a node's own.
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByLabel("OpenAI base URL").fill(`${mockLlm.url}/v1`);
  await page.getByRole("button", { name: "Close" }).click();
  await panel.getByLabel("API key").fill("sk-test-faults");
}

/** Sets both call timeouts in Settings, as a user would (short, so a test does not wait 60 s). */
export async function setTimeouts(page: Page, seconds: number) {
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  await dialog.getByLabel("Wait for a reply to start (seconds)").fill(String(seconds));
  await dialog.getByLabel("Wait between parts of a reply (seconds)").fill(String(seconds));
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
}

/** The first exchange, which every later call must still carry (and nothing of a failure). */
export async function firstExchange(page: Page) {
  await sendMessage(page, "U1");
  await expect(chat(page).getByText('Mock reply #1 to "U1"')).toBeVisible();
  await waitForReply(page);
}

/** What the last chat completion request carried, system prompt and memory included. */
export function lastRequest(mockLlm: MockLlmServer): string[] {
  return completionMessages(mockLlm, { roles: false }).at(-1) ?? [];
}

export const SYSTEM = "You are a helpful assistant.";
/** Memory after the first exchange: what any later call must start with. */
export const AFTER_FIRST = [SYSTEM, "U1", 'Mock reply #1 to "U1"'];
