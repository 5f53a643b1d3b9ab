import type { Page } from "@playwright/test";
import type { MockLlmServer } from "../mock-llm/mockLlmServer";
import { seriousViolations } from "./axe";
import {
  canvasNode,
  chat,
  completionMessages,
  expect,
  inspector,
  openTab,
  selectNode,
  sendMessage,
  test,
  useOpenAiCompatible,
  waitForReply,
} from "./fixtures";

/** The run state a node shows on the canvas. */
const nodeStatus = (page: Page, id: string) =>
  canvasNode(page, id).locator(".flow-node-run-status");

/** The connection from one node to another on the canvas. */
const edge = (page: Page, source: string, target: string) =>
  page.locator(`.react-flow__edge[data-id="${source}->${target}"]`);

/** The starter flow's LLM pointed at the mock server, and one message answered. */
async function oneTurn(page: Page, mockLlm: MockLlmServer, text = "Hello") {
  await page.goto("/");
  // biome-ignore lint/correctness/useHookAtTopLevel: a Playwright helper named use…, not a React hook.
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await sendMessage(page, text);
  await waitForReply(page);
  await expect(chat(page)).toContainText(`Mock reply #1 to "${text}"`);
}

const runFromHereDialog = (page: Page) => page.getByRole("dialog", { name: /from here/ });

test("during a run each node shows its state and the connections carrying data move; after it, each shows its last output", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  // A reply that stalls after two words: the run is watched while it streams, then stopped.
  mockLlm.enqueue({ reply: "one two three four", stallAfterChunks: 2 });
  await sendMessage(page, "Hello");
  await expect(chat(page)).toContainText("one two");

  await expect(nodeStatus(page, "chat_llm")).toHaveText("Running…");
  await expect(nodeStatus(page, "input")).toHaveText("Done");
  await expect(nodeStatus(page, "output")).toHaveText("Waiting");
  await expect(canvasNode(page, "chat_llm").locator(".flow-node")).toHaveClass(/is-run-running/);
  await expect(edge(page, "input", "chat_llm")).toHaveClass(/animated/);
  await expect(edge(page, "chat_llm", "output")).not.toHaveClass(/animated/);
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await waitForReply(page);
  await expect(nodeStatus(page, "chat_llm")).toHaveText("Failed");
  await expect(nodeStatus(page, "output")).toHaveText("Skipped");
  await expect(edge(page, "input", "chat_llm")).not.toHaveClass(/animated/);

  mockLlm.enqueue({ reply: "one two three four five six seven eight" });
  await sendMessage(page, "Hello again");
  await waitForReply(page);
  for (const id of ["input", "chat_llm", "output"])
    await expect(nodeStatus(page, id)).toHaveText("Done");
  await expect(edge(page, "input", "chat_llm")).not.toHaveClass(/animated/);
  // The last output: a short preview, expanded with the mouse and closed with the keyboard.
  const output = canvasNode(page, "chat_llm").locator(".flow-node-run-output");
  await expect(output.locator("summary")).toHaveText("one two three four five six seven eight");
  await output.locator("summary").click();
  await expect(output).toHaveAttribute("open", "");
  await expect(output.locator(".flow-node-run-text")).toHaveText(
    "one two three four five six seven eight",
  );
  await output.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(output).not.toHaveAttribute("open", "");

  // A failed call: the node says so and why, what depends on it is skipped.
  mockLlm.enqueue({ fail: "server-error" });
  await sendMessage(page, "Again");
  await waitForReply(page);
  await expect(nodeStatus(page, "chat_llm")).toHaveText("Failed");
  await expect(nodeStatus(page, "output")).toHaveText("Skipped");
  await expect(
    canvasNode(page, "chat_llm").locator(".flow-node-run-output summary"),
  ).not.toBeEmpty();

  // Another conversation shows its own last run: a new one shows none.
  await chat(page).getByRole("button", { name: "New conversation" }).click();
  await expect(nodeStatus(page, "chat_llm")).toHaveCount(0);
});

test("Run from here with the last run's inputs: a real call, reading memory as that run did and writing nothing", async ({
  page,
  mockLlm,
}) => {
  await oneTurn(page, mockLlm);
  await selectNode(page, "chat_llm");
  const open = inspector(page).getByRole("button", { name: "Run from here" });
  await open.click();
  const dialog = runFromHereDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("{{input}}")).toHaveValue("Hello");
  await expect(dialog.getByLabel("Write to memory")).not.toBeChecked();
  await dialog.getByRole("button", { name: "Run", exact: true }).click();
  await expect(dialog).toContainText('Done: Mock reply #2 to "Hello"');

  // The same request as the last run's call: the memory it saw then (none), the same input.
  const sent = completionMessages(mockLlm);
  expect(sent).toHaveLength(2);
  expect(sent[1]).toEqual(sent[0]);
  // The node shows its new output; the chat is as it was.
  await expect(canvasNode(page, "chat_llm").locator(".flow-node-run-output summary")).toHaveText(
    'Mock reply #2 to "Hello"',
  );

  // Recorded as a run, marked so, its request open to inspection.
  await dialog.getByRole("button", { name: "Show in Runs" }).click();
  await expect(dialog).toBeHidden();
  const runs = page.getByRole("tabpanel");
  await expect(runs.getByText("Run from here:")).toBeVisible();
  await expect(runs).toContainText("chat_llm ran alone, from the last run's outputs");
  await openTab(page, "Chat");
  await expect(chat(page)).toContainText('Mock reply #1 to "Hello"');
  await expect(chat(page)).not.toContainText("Mock reply #2");

  // Nothing was written: the next message's memory holds the first exchange only.
  await sendMessage(page, "Next");
  await waitForReply(page);
  const next = completionMessages(mockLlm, { system: false }).at(-1) ?? [];
  expect(next.join("\n")).toContain("Mock reply #1");
  expect(next.join("\n")).not.toContain("Mock reply #2");
});

test("Run from here with typed inputs and Write to memory: committed like a message, with the keyboard", async ({
  page,
  mockLlm,
}) => {
  await oneTurn(page, mockLlm);
  await selectNode(page, "chat_llm");
  const open = inspector(page).getByRole("button", { name: "Run from here" });
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = runFromHereDialog(page);
  await expect(dialog).toBeVisible();
  // Escape closes it and gives focus back to the button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const input = dialog.getByLabel("{{input}}");
  await input.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Typed here");
  await dialog.getByLabel("Write to memory").focus();
  await page.keyboard.press("Space");
  await expect(dialog.getByLabel("Write to memory")).toBeChecked();
  await expect(dialog).toContainText("adds this exchange to it");
  await dialog.getByRole("button", { name: "Run", exact: true }).click();
  await expect(dialog).toContainText('Done: Mock reply #2 to "Typed here"');
  // It read memory as it is now (the first exchange) and sent the typed input.
  expect(completionMessages(mockLlm, { system: false })[1]).toEqual([
    "user: Hello",
    'assistant: Mock reply #1 to "Hello"',
    "user: Typed here",
  ]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // The chat shows it as the conversation's next turn.
  await openTab(page, "Chat");
  await expect(chat(page)).toContainText('Mock reply #2 to "Typed here"');

  // Written: the next message's memory holds it.
  await sendMessage(page, "Next");
  await waitForReply(page);
  expect(completionMessages(mockLlm, { system: false })[2]).toEqual([
    "user: Hello",
    'assistant: Mock reply #1 to "Hello"',
    "user: Typed here",
    'assistant: Mock reply #2 to "Typed here"',
    "user: Next",
  ]);
});

test("Run from here before any message says why it cannot run, and sends nothing", async ({
  page,
  mockLlm,
}) => {
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  await inspector(page).getByRole("button", { name: "Run from here" }).click();
  const dialog = runFromHereDialog(page);
  await expect(dialog.getByRole("alert")).toContainText("Send a message first");
  await expect(dialog.getByRole("button", { name: "Run", exact: true })).toBeDisabled();
  expect(completionMessages(mockLlm)).toHaveLength(0);
});

for (const [width, height] of [
  [1440, 860],
  [1024, 700],
  [390, 844],
] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`node run states and the Run from here form: no serious accessibility violations at ${width} px (${colorScheme})`, async ({
      browser,
      mockLlm,
    }) => {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme });
      await page.goto("/");
      if (width === 390) await page.getByRole("button", { name: "Canvas", exact: true }).click();
      await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
      await sendMessage(page, "Hello");
      await waitForReply(page);
      if (width === 390) await page.getByRole("button", { name: "Canvas", exact: true }).click();
      await expect(nodeStatus(page, "chat_llm")).toHaveText("Done");
      await canvasNode(page, "chat_llm").locator(".flow-node-run-output summary").click();
      expect(await seriousViolations(page)).toEqual([]);
      await selectNode(page, "chat_llm");
      await inspector(page).getByRole("button", { name: "Run from here" }).click();
      const dialog = runFromHereDialog(page);
      await expect(dialog).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole("button", { name: "Run", exact: true }).click();
      await expect(dialog).toContainText("Done:");
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
}
