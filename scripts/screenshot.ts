/**
 * Takes the README's screenshot: the built app (run `npm run build` and `npm run preview`
 * first), a fresh profile, two turns on the offline echo provider.
 * Usage: node --import tsx scripts/screenshot.ts [out.png] [light|dark]
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/chromium";

const out = process.argv[2] ?? "docs/screenshot.png";
const colorScheme = process.argv[3] === "dark" ? "dark" : "light";
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, colorScheme });
await page.goto(process.env.APP_URL ?? "http://127.0.0.1:4173/");
for (const text of ["Hi! My name is David", "What is my name?"]) {
  await page.getByLabel("Message").fill(text);
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("button", { name: "Send" }).waitFor();
}
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
