/**
 * Writes docs/flow.schema.json, the JSON Schema of a flow file, from the importer's own
 * validator (src/format/flowSchema.ts). Run `npm run schema` after changing the schema;
 * src/format/jsonSchema.test.ts fails while the checked-in file is out of date.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { flowJsonSchemaText } from "../src/format/jsonSchema";

const path = join(import.meta.dirname, "../docs/flow.schema.json");
writeFileSync(path, flowJsonSchemaText());
console.log(`Wrote ${path}`);
