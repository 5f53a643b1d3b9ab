import { test as base, expect, type Page } from "@playwright/test";
import type { FlowNode } from "../../src/engine/flow";
import { type FlowRecord, STORE } from "../../src/storage/dbSchema";
import { type MockLlmServer, startMockLlmServer } from "../mock-llm/mockLlmServer";
import { storedRecords } from "./storedRecords";

// Read by most specs from here; its own file so the bench can use it without the fixtures.
export { storedRecords };

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

/** The canvas node with this id. */
export const canvasNode = (page: Page, id: string) =>
  page.locator(`.react-flow__node[data-id="${id}"]`);

/** Opens a side-panel tab ("Chat" or "Node"). */
export async function openTab(page: Page, name: "Chat" | "Node") {
  await page.getByRole("tab", { name }).click();
}

/** The selected node's settings in the side panel. */
export const inspector = (page: Page) => page.getByRole("region", { name: "Node inspector" });

/** The chat panel (the side panel's Chat tab). */
export const chat = (page: Page) => page.getByRole("region", { name: "Chat" });

/** Selects a node on the canvas, which opens its settings in the side panel. */
export async function selectNode(page: Page, id: string) {
  await canvasNode(page, id).click();
  await expect(page.getByRole("tab", { name: "Node" })).toHaveAttribute("aria-selected", "true");
}

/** Points an LLM node at a server, as a user would point it at Ollama. */
export async function useOpenAiCompatible(
  page: Page,
  nodeId: string,
  baseUrl: string,
  model = "mock-model",
) {
  await selectNode(page, nodeId);
  const panel = inspector(page);
  await panel.getByLabel("Provider").selectOption("openai-compatible");
  await panel.getByLabel("Model").fill(model);
  await panel.getByLabel("Base URL").fill(baseUrl);
}

/**
 * What each chat completion request carried, oldest first: "role: content" strings, or the
 * contents alone (`roles: false`); `system: false` leaves the system prompt out.
 */
export function completionMessages(
  mockLlm: MockLlmServer,
  options: { system?: boolean; roles?: boolean } = {},
): string[][] {
  return mockLlm.requests
    .filter((r) => r.path === "/v1/chat/completions")
    .map((r) =>
      (r.body as { messages: { role: string; content: string }[] }).messages
        .filter((m) => options.system !== false || m.role !== "system")
        .map((m) => (options.roles === false ? m.content : `${m.role}: ${m.content}`)),
    );
}

/** Types a message into the chat and sends it, as a user would. */
export async function sendMessage(page: Page, text: string) {
  await openTab(page, "Chat");
  await page.getByRole("textbox", { name: "Message", exact: true }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

/** Waits until the run in progress is over (the Send button is back). */
export async function waitForReply(page: Page) {
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
}

/**
 * The flows this browser has saved: what a reload will find. Specs poll it (expect.poll) to
 * wait for the autosave instead of sleeping past its delay.
 */
export const savedFlows = (page: Page) => storedRecords<FlowRecord>(page, STORE.flows);

/** A node of the saved flow named `flowName` ("Chat with memory" by default), as saved. */
export async function savedNode(
  page: Page,
  nodeId: string,
  flowName = "Chat with memory",
): Promise<FlowNode | undefined> {
  const record = (await savedFlows(page)).find((r) => r.flow.name === flowName);
  return record?.flow.nodes.find((n) => n.id === nodeId);
}
