/**
 * Takes the README's screenshots of the built app (run `npm run build` and `npm run preview`
 * first): a fresh profile, the "Two LLMs sharing one memory" template, two turns on the
 * offline echo provider, then llm2 selected so the inspector shows its memory.
 * Usage: node --import tsx scripts/screenshot.ts [out.png] [light|dark]
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/chromium";

const out = process.argv[2] ?? "docs/screenshot.png";
const colorScheme = process.argv[3] === "dark" ? "dark" : "light";
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme });
await page.goto(process.env.APP_URL ?? "http://127.0.0.1:4173/");
await page.getByRole("button", { name: "Flows: Chat with memory" }).click();
await page.getByRole("button", { name: "New flow" }).click();
await page.getByRole("button", { name: "Two LLMs sharing one memory" }).click();
for (const text of ["Hi! My name is David", "What is my name?"]) {
  await page.getByRole("tab", { name: "Chat" }).click();
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("button", { name: "Send" }).waitFor();
}
if (process.argv[4] !== "chat") {
  await page.locator('.react-flow__node[data-id="llm2"] .memory-badge').hover();
  await page.locator('.react-flow__node[data-id="llm2"]').click({ position: { x: 10, y: 10 } });
  await page.locator('.react-flow__node[data-id="llm1"] .memory-badge').hover();
}
await page.waitForTimeout(300);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
