import type { BrowserContext, Page } from "@playwright/test";

/*
 * The longest main-thread task ("longtask" entries: over 50 ms) a page has run, for the browser
 * specs that hold the app to "no freeze" and the bench's hostile-input rows alike.
 */

/** Records every long task's duration in window.longestTask, from the page's first script on. */
export async function watchLongTasks(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const w = window as unknown as { longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        w.longestTask = Math.max(w.longestTask, entry.duration);
      }
    }).observe({ type: "longtask", buffered: true });
  });
}

/** The longest task since the page loaded or since the last reset, in ms (0: none). */
export const longestTask = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);

/** Starts the count again, before the step to be measured. */
export const resetLongestTask = (page: Page): Promise<void> =>
  page.evaluate(() => {
    (window as unknown as { longestTask: number }).longestTask = 0;
  });
