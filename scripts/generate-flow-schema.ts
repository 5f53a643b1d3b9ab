/**
 * Writes docs/flow.schema.json and docs/backup.schema.json, the JSON Schemas of a flow file
 * and of a backup, from the readers' own validators (src/format/flowSchema.ts, backupSchema.ts). Run `npm run schema` after changing the schema;
 * src/format/jsonSchema.test.ts fails while the checked-in file is out of date.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { backupJsonSchemaText, flowJsonSchemaText } from "../src/format/jsonSchema";

for (const [name, text] of [
  ["flow.schema.json", flowJsonSchemaText()],
  ["backup.schema.json", backupJsonSchemaText()],
] as const) {
  const path = join(import.meta.dirname, "../docs", name);
  writeFileSync(path, text);
  console.log(`Wrote ${path}`);
}
