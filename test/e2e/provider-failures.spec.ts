import { createServer } from "node:net";
import type { Page } from "@playwright/test";
import type { MockLlmServer } from "../mock-llm/mockLlmServer";
import {
  chat,
  completionMessages,
  expect,
  inspector,
  selectNode,
  sendMessage,
  test,
  useOpenAiCompatible,
  waitForReply,
} from "./fixtures";

async function useMockServer(page: Page, mockLlm: MockLlmServer) {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
}

/** The first exchange, which every later call in these tests must still carry. */
async function firstExchange(page: Page) {
  await sendMessage(page, "U1");
  await expect(chat(page).getByText('Mock reply #1 to "U1"')).toBeVisible();
  await waitForReply(page);
}

const completionBodies = (mockLlm: MockLlmServer) => completionMessages(mockLlm, { roles: false });

test("a refused key and a rate limit get clear messages, and memory keeps only what succeeded", async ({
  page,
  mockLlm,
}) => {
  await useMockServer(page, mockLlm);
  await firstExchange(page);

  mockLlm.enqueue({ fail: "invalid-key" });
  await sendMessage(page, "U2");
  await expect(chat(page).getByRole("alert")).toContainText("was refused (401)");
  await waitForReply(page);
  // What to do next: Settings opens at the provider that refused the key.
  await chat(page).getByRole("button", { name: "Open Settings" }).click();
  await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
  await expect(page.getByLabel("OpenAI-compatible API key")).toBeFocused();
  await page.keyboard.press("Escape");

  // Longer than the automatic retries wait (60 s): said at once, with when to try again.
  mockLlm.enqueue({ fail: "rate-limit", retryAfter: "120" });
  await sendMessage(page, "U3");
  await expect(chat(page).getByRole("alert").last()).toContainText("(429)");
  await expect(chat(page).getByRole("alert").last()).toContainText("Try again in 2 minutes");
  await waitForReply(page);

  await sendMessage(page, "U4");
  await expect(chat(page).getByText('Mock reply #2 to "U4"')).toBeVisible();
  // The failed turns added nothing: the fourth call sees only the first exchange.
  expect(completionBodies(mockLlm)[3]).toEqual([
    "You are a helpful assistant.",
    "U1",
    'Mock reply #1 to "U1"',
    "U4",
  ]);
});

test("Stop in the middle of a stream cancels the request and leaves memory as it was", async ({
  page,
  mockLlm,
}) => {
  await useMockServer(page, mockLlm);
  await firstExchange(page);

  mockLlm.enqueue({ reply: "one two three four five six seven eight nine ten", chunkDelayMs: 400 });
  await sendMessage(page, "U2");
  await expect(chat(page).getByText("one two")).toBeVisible();
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(
    chat(page).getByText("Stopped. Memory is as it was before this message."),
  ).toBeVisible();
  expect(await mockLlm.requests.at(-1)?.ended).toBe("client-closed");

  await sendMessage(page, "U3");
  await expect(chat(page).getByText('Mock reply #3 to "U3"')).toBeVisible();
  expect(completionBodies(mockLlm)[2]).toEqual([
    "You are a helpful assistant.",
    "U1",
    'Mock reply #1 to "U1"',
    "U3",
  ]);
});

test("an unreachable server is named, with the Ollama CORS hint for this page's origin", async ({
  page,
  mockLlm,
}) => {
  await useMockServer(page, mockLlm);
  const closedUrl = `http://127.0.0.1:${await closedPort()}/v1`;
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("Base URL").fill(closedUrl);
  await sendMessage(page, "Hello?");
  const alert = chat(page).getByRole("alert");
  await expect(alert).toContainText(closedUrl);
  await expect(alert).toContainText(`OLLAMA_ORIGINS=${new URL(page.url()).origin}`);
});

/** A port nothing listens on: opened, then closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
