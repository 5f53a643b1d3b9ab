import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bundleRows, FIRST_PAGE_BUDGET_BYTES } from "./bundleSize";
import { exitCodeOf, statusOf } from "./table";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A build whose entry script gzips to about `entryBytes` (random bytes, which do not compress),
 * with a lazy chunk holding the AI SDK marker, as the real build has.
 */
function fakeBuild(entryBytes: number, preloadEntry = false): string {
  const dir = mkdtempSync(join(tmpdir(), "bundle-size-"));
  dirs.push(dir);
  mkdirSync(join(dir, "assets"));
  const preload = preloadEntry
    ? '<link rel="modulepreload" crossorigin href="/assets/index-a.js">'
    : "";
  writeFileSync(
    join(dir, "index.html"),
    `${preload}<script type="module" crossorigin src="/assets/index-a.js"></script>`,
  );
  writeFileSync(join(dir, "assets", "index-a.js"), randomBytes(entryBytes));
  writeFileSync(join(dir, "assets", "aiSdkProvider-b.js"), '"anthropic-version"');
  return dir;
}

describe("the first page's size check", () => {
  it("passes a first page under its budget", () => {
    const rows = bundleRows({ build: false, outDir: fakeBuild(FIRST_PAGE_BUDGET_BYTES - 4096) });
    expect(rows.map(statusOf)).toEqual(["ok", "ok"]);
    expect(exitCodeOf(rows)).toBe(0);
  });

  it("fails a first page over its budget, naming the figure and the budget", () => {
    const rows = bundleRows({ build: false, outDir: fakeBuild(FIRST_PAGE_BUDGET_BYTES + 1024) });
    expect(rows.map(statusOf)).toEqual(["OVER", "ok"]);
    expect(rows[0]?.budget).toBe("≤ 163,840 B (160.0 KB)");
    expect(exitCodeOf(rows)).toBe(1);
  });

  it("counts the entry once when it is also preloaded", () => {
    const rows = bundleRows({
      build: false,
      outDir: fakeBuild(FIRST_PAGE_BUDGET_BYTES - 4096, true),
    });
    expect(rows.map(statusOf)).toEqual(["ok", "ok"]);
    expect(rows[0]?.figure).toContain("(1 file)");
  });
});
