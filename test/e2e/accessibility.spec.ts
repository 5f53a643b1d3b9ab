import { createRequire } from "node:module";
import { canvasNode, expect, selectNode, test } from "./fixtures";

const require = createRequire(import.meta.url);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (from npm, injected into the page) and returns serious and critical violations. */
async function seriousViolations(page: import("@playwright/test").Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script, without types here.
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations as AxeViolation[];
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`the main screen has no serious accessibility violations (${colorScheme})`, async ({
    browser,
  }) => {
    const page = await browser.newPage({ colorScheme });
    await page.goto("/");
    await expect(canvasNode(page, "chat_llm")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await selectNode(page, "chat_llm");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
}
