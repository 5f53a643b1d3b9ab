import type { Page } from "@playwright/test";
import type { RunSnapshot } from "../../../src/engine/runSnapshot";
import { type ConversationRecord, STORE } from "../../../src/storage/dbSchema";
import type { MockLlmServer } from "../../mock-llm/mockLlmServer";
import {
  chat,
  completionMessages,
  sendMessage,
  storedRecords,
  useOpenAiCompatible,
  waitForReply,
} from "../fixtures";

export const storedRuns = (page: Page) => storedRecords<RunSnapshot>(page, STORE.runs);
export const storedConversations = (page: Page) =>
  storedRecords<ConversationRecord>(page, STORE.conversations);
export const storedMemory = (page: Page) =>
  storedRecords<{ content: string }>(page, STORE.memoryMessages);

/** What the stored run of `input` has streamed so far (its draft), or undefined. */
export async function draftOf(page: Page, input: string): Promise<string | undefined> {
  const run = (await storedRuns(page)).find((r) => r.input === input);
  return run?.status === "running" ? run.outputs.output : undefined;
}

/** The chat's LLM on the mock server, and (unless `first` is false) one exchange "U1". */
export async function useMockChat(page: Page, mockLlm: MockLlmServer, first = true) {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  if (!first) return;
  await sendMessage(page, "U1");
  await waitForReply(page);
  await chat(page).getByText('Mock reply #1 to "U1"').waitFor();
}

/** A reply that streams one word every 400 ms: long enough to reload or Stop inside it. */
export const SLOW_REPLY = {
  reply: "one two three four five six seven eight nine ten eleven twelve",
  chunkDelayMs: 400,
};

/** The contents of every completion request, without the system prompt. */
export const received = (mockLlm: MockLlmServer) =>
  completionMessages(mockLlm, { system: false, roles: false });
