import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./test/chromium";

/**
 * The app as built for production, served by `vite preview`. E2E_PORT lets two work trees
 * run their browser tests side by side without one reusing the other's server.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const APP_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "test/e2e",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // Each test gets its own browser context (a fresh profile: empty IndexedDB) and its own
  // mock LLM server, so tests can run side by side on the machine's two cores.
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["./test/e2e/faultSummaryReporter.ts"]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: APP_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
