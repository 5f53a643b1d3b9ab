import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Every axe-core finding in `within` (a selector; the whole page by default), whatever its
 * impact. axe is evaluated from npm's copy through the test driver, not added as a <script>:
 * the app's Content Security Policy rightly refuses inline scripts.
 */
export async function axeViolations(page: Page, within = "html"): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is evaluated as a global script, without types here.
    const result = await (window as any).axe.run(selector, { resultTypes: ["violations"] });
    return result.violations as AxeViolation[];
  }, within);
}

/** axe-core's serious and critical findings in `within` (see axeViolations). */
export async function seriousViolations(page: Page, within = "html"): Promise<AxeViolation[]> {
  const violations = await axeViolations(page, within);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
