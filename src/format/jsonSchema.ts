import { z } from "zod";
import { backupFileSchema } from "./backupSchema";
import { flowFileSchema } from "./flowSchema";

/**
 * The JSON Schema of a current-version flow file, generated from the importer's own validator so
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

/**
 * The JSON Schema of a version 1 backup (docs/backup.schema.json, also written by
 * `npm run schema`): shapes and ranges; the references between records are the reader's.
 */
export function backupJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(backupFileSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}

export function backupJsonSchemaText(): string {
  return `${JSON.stringify(backupJsonSchema(), null, 2)}\n`;
}
