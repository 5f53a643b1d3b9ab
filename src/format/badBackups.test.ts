import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFlowFileError } from "./flowFileErrors";
import { readBackupFile } from "./readBackupFile";

/*
 * The corpus of backups a restore must refuse, one case per file (each a copy of
 * test/fixtures/backups/two-turns.backup.json with one thing wrong), with the exact errors
 * it gives ("path: message") in test/fixtures/bad-backups/expected.json. Adding a case: add
 * the file and its line in expected.json; a file left out of expected.json fails below.
 */

const DIR = join(import.meta.dirname, "../../test/fixtures/bad-backups");
const NOT_CASES = new Set(["expected.json", "biome.json"]);

const expected: Record<string, string[]> = JSON.parse(
  readFileSync(join(DIR, "expected.json"), "utf8"),
);
const cases = readdirSync(DIR)
  .filter((f) => !NOT_CASES.has(f))
  .sort();

describe("bad backups are refused with the expected errors", () => {
  it("the good backup they are made from is accepted", async () => {
    const good = readFileSync(
      join(import.meta.dirname, "../../test/fixtures/backups/two-turns.backup.json"),
      "utf8",
    );
    expect(await readBackupFile(good)).toMatchObject({ ok: true, warnings: [] });
  });

  it("every file of the folder is listed in expected.json, and every listed file exists", () => {
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  it.each(cases)("%s", async (file) => {
    const result = await readBackupFile(readFileSync(join(DIR, file), "utf8"));
    expect(result.ok ? "accepted" : result.errors.map(formatFlowFileError)).toEqual(expected[file]);
  });
});
