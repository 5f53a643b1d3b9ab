import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { backupJsonSchema, backupJsonSchemaText } from "./jsonSchema";

const ROOT = join(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

describe("docs/backup.schema.json", () => {
  it("is up to date with the reader's validator (if not: run npm run schema)", () => {
    expect(
      read("docs/backup.schema.json") === backupJsonSchemaText(),
      "docs/backup.schema.json is out of date: run npm run schema",
    ).toBe(true);
  });

  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(backupJsonSchema());

  it("accepts a backup the app wrote", () => {
    expect(validate(JSON.parse(read("test/fixtures/backups/two-turns.backup.json")))).toBe(true);
  });

  it("refuses the bad backups whose fault is one of shape or range", () => {
    for (const name of [
      "version-missing.json",
      "newer-version.json",
      "version-fraction.json",
      "runs-not-a-list.json",
      "flow-window-negative.json",
      "message-role-unknown.json",
      "theme-unknown.json",
      "several-shape-errors.json",
      "not-a-backup.json",
    ]) {
      expect(validate(JSON.parse(read(`test/fixtures/bad-backups/${name}`))), name).toBe(false);
    }
  });
});
