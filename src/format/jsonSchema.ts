import { z } from "zod";
import { flowFileSchema } from "./flowSchema";

/**
 * The JSON Schema of a version 1 flow file, generated from the importer's own validator so
 * the two always agree. docs/flow.schema.json holds a copy: `npm run schema` rewrites it.
 * The schema describes shapes and ranges; rules across nodes (unique ids, no cycles,
 * template references upstream) are the importer's, and listed in docs/flow-format.md.
 */
export function flowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(flowFileSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}

/** The checked-in file's exact text: pretty, two-space indent, trailing newline. */
export function flowJsonSchemaText(): string {
  return `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
}
