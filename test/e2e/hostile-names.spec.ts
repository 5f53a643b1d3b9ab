import type { Page } from "@playwright/test";
import {
  canvasNode,
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

/*
 * Names are data: a node or memory called like a property every JavaScript object has
 * ("__proto__", "constructor", …) is just a name, and a name hiding bidi or zero-width
 * characters is refused where it is typed. Each case is an attack on the app's lookups.
 */

let tried = 0;
let held = 0;
test.afterAll(() => console.log(`${tried} attacks tried, ${held} held`));

async function say(page: Page, text: string) {
  await sendMessage(page, text);
  await waitForReply(page);
}

for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
  test(`a memory called ${name} remembers like any other, across a reload`, async ({
    page,
    mockLlm,
  }) => {
    tried++;
    await page.goto("/");
    await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
    await inspector(page).getByRole("combobox", { name: "Memory ID" }).fill(name);
    await expect(canvasNode(page, "chat_llm").locator(".memory-badge")).toContainText(name);
    await say(page, "U1");
    await page.reload();
    await expect(chat(page).getByText('Mock reply #1 to "U1"')).toBeVisible();
    await say(page, "U2");
    expect(completionMessages(mockLlm, { system: false, roles: false })[1]).toEqual([
      "U1",
      'Mock reply #1 to "U1"',
      "U2",
    ]);
    held++;
  });
}

test("a node renamed constructor keeps its output, its memory and the templates that use it", async ({
  page,
  mockLlm,
}) => {
  tried++;
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  const id = inspector(page).getByLabel("Node id");
  await id.fill("constructor");
  await id.press("Enter");
  await expect(canvasNode(page, "constructor")).toBeVisible();
  await say(page, "U1");
  await expect(chat(page).getByText('Mock reply #1 to "U1"')).toBeVisible();
  await say(page, "U2");
  expect(completionMessages(mockLlm, { system: false, roles: false })[1]).toEqual([
    "U1",
    'Mock reply #1 to "U1"',
    "U2",
  ]);
  held++;
});

for (const [what, hidden] of [
  ["a right-to-left override", "\u202e"],
  ["a zero-width space", "\u200b"],
] as const) {
  test(`a node id hiding ${what} is refused where it is typed`, async ({ page }) => {
    tried++;
    await page.goto("/");
    await selectNode(page, "chat_llm");
    const id = inspector(page).getByLabel("Node id");
    await id.fill(`chat${hidden}_llm`);
    await id.press("Enter");
    await expect(inspector(page)).toContainText("Use letters, digits and _");
    await expect(canvasNode(page, "chat_llm")).toBeVisible();
    held++;
  });
}
