import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFlowFileError } from "./flowFileErrors";
import { readFlowFile } from "./readFlowFile";

/*
 * The corpus of files the importer must refuse, one case per file, each with the exact
 * errors it gives ("path: message") in test/fixtures/bad-flows/expected.json. Adding a case:
 * add the file and its line in expected.json; a file left out of expected.json fails below.
 */

const DIR = join(import.meta.dirname, "../../test/fixtures/bad-flows");
/** Files of the folder that are not cases: the expectations, and the formatter's exclusions. */
const NOT_CASES = new Set(["expected.json", "biome.json"]);

const expected: Record<string, string[]> = JSON.parse(
  readFileSync(join(DIR, "expected.json"), "utf8"),
);
const cases = readdirSync(DIR)
  .filter((f) => !NOT_CASES.has(f))
  .sort();

describe("bad flow files are refused with the expected errors", () => {
  it("every file of the folder is listed in expected.json, and every listed file exists", () => {
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  it.each(cases)("%s", (file) => {
    const result = readFlowFile(readFileSync(join(DIR, file), "utf8"));
    expect(result.ok ? "accepted" : result.errors.map(formatFlowFileError)).toEqual(expected[file]);
  });
});
