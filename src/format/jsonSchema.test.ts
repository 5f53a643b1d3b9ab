import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { STARTER_FLOWS } from "../engine/starterFlows";
import { flowJsonSchema, flowJsonSchemaText } from "./jsonSchema";
import { writeFlowFile } from "./writeFlowFile";

const ROOT = join(import.meta.dirname, "../..");
const CHECKED_IN = join(ROOT, "docs/flow.schema.json");

describe("docs/flow.schema.json", () => {
  it("is up to date with the validator (if not: run npm run schema)", () => {
    const onDisk = readFileSync(CHECKED_IN, "utf8");
    expect(
      onDisk === flowJsonSchemaText(),
      "docs/flow.schema.json is out of date: run npm run schema",
    ).toBe(true);
  });

  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(flowJsonSchema());

  it("accepts every fixture and starter flow, as other tools will check them", () => {
    const dir = join(ROOT, "test/fixtures/flows");
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".flow.json"))) {
      expect(validate(JSON.parse(readFileSync(join(dir, name), "utf8"))), name).toBe(true);
    }
    for (const starter of Object.values(STARTER_FLOWS)) {
      expect(validate(JSON.parse(writeFlowFile(starter.build()))), starter.name).toBe(true);
    }
  });

  it("refuses the bad files whose fault is one of shape or range", () => {
    const dir = join(ROOT, "test/fixtures/bad-flows");
    for (const name of [
      "window-negative.json",
      "window-fraction.json",
      "temperature-too-high.json",
      "max-tokens-zero.json",
      "provider-unknown.json",
      "memory-mode-unknown.json",
      "memory-id-invalid.json",
      "node-type-unknown.json",
      "node-id-invalid.json",
      "position-missing.json",
      "config-missing.json",
      "nodes-not-a-list.json",
      "edge-not-an-object.json",
      "name-not-text.json",
      "newer-version.json",
      "version-missing.json",
      "schema-wrong.json",
    ]) {
      expect(validate(JSON.parse(readFileSync(join(dir, name), "utf8"))), name).toBe(false);
    }
  });
});
