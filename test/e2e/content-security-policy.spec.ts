import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { chat, expect, sendMessage, test, useOpenAiCompatible, waitForReply } from "./fixtures";

/*
 * The built page carries a Content Security Policy (build/contentSecurityPolicy.ts). A whole
 * session (chat with Markdown, runs, memory, settings, export, import, theme) must run under
 * it without one violation: a violation is either an attack the policy stopped or a feature
 * the policy breaks, and both need looking at.
 */

/** Every violation the page reports, collected from its first script on. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return async () => ({
    events: await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    ),
    console,
  });
}

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

test("a whole session runs under the Content Security Policy without one violation", async ({
  page,
  mockLlm,
}) => {
  const violations = await watchViolations(page);
  await page.goto("/");
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  // The theme script, now a file the policy allows, ran before the app.
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/light|dark/);

  // Chat, with a reply that has Markdown, code, a link and an image (shown as a link).
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  mockLlm.enqueue({
    reply:
      "**Hello** `code`\n\n```js\nconsole.log(1)\n```\n\n[a link](https://example.com) ![an image](https://example.com/x.png)",
  });
  await sendMessage(page, "Hi");
  await waitForReply(page);
  await expect(chat(page).getByRole("link", { name: "a link" })).toBeVisible();
  await sendMessage(page, "Again");
  await waitForReply(page);

  // Runs, memory, settings, theme.
  await chat(page).getByRole("button", { name: "Inspect run 2" }).click();
  await expect(page.getByRole("tabpanel", { name: "Runs" })).toBeVisible();
  await page.getByRole("tab", { name: "Memory" }).click();
  await expect(
    page.getByRole("tabpanel", { name: "Memory" }).getByText("4 messages"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const settings = page.getByRole("dialog", { name: "Settings" });
  await expect(settings).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(settings).toBeHidden();

  // Export (flow file and Python), then import a file.
  await page.getByRole("button", { name: /^Flows: / }).click();
  const menu = page.getByRole("dialog", { name: "Flows" });
  for (const name of ["Export flow", "Export as Python"]) {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      menu.getByRole("button", { name }).click(),
    ]);
    expect((await readFile(await file.path(), "utf8")).length).toBeGreaterThan(0);
  }
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    menu.getByRole("button", { name: "Import flow" }).click(),
  ]);
  await chooser.setFiles(fixture("flows/shared-memory-sequence.flow.json"));
  await page
    .getByRole("dialog", { name: /^Import / })
    .getByRole("button", { name: "Import" })
    .click();
  await expect(page.getByRole("button", { name: /^Flows: / })).not.toHaveText(/Chat with memory/);

  // And a reload (the theme script and the app start again under the policy).
  await page.reload();
  await expect(page.getByRole("button", { name: /^Flows: / })).toBeVisible();

  expect(await violations()).toEqual({ events: [], console: [] });
});
