import type { FlowEdge, FlowNode, StickyNote } from "../engine/flow";
import { capErrors, type FlowFileError, fileError, issuesToErrors } from "./flowFileErrors";
import { flowFragmentSchema } from "./flowSchema";
import { hasFlowMarker, isRecord, parseFlowText, toCurrentVersion } from "./openFlowText";
import type { ReadFlowFileOptions } from "./readFlowFile";
import { withoutSecrets } from "./secrets";

export type ReadFlowFragmentResult =
  | { ok: true; nodes: FlowNode[]; edges: FlowEdge[]; notes: StickyNote[]; warnings: string[] }
  | { ok: false; errors: FlowFileError[] };

export const NOT_A_FRAGMENT = 'This is not a flow or a piece of one (no "nodes" list to paste).';

/**
 * Reads pasted text for the canvas: a whole flow file, or `{ "nodes": [...], "edges": [...] }`
 * (what writeFlowFragment copies, with `notes` when sticky notes were copied). The nodes and
 * notes keep their ids; the caller gives them fresh ones
 * (engine/flowEdits.ts pasteFragment). Connections to nodes outside the piece are dropped
 * with a warning. Flow-wide rules (an output node, ...) are not checked: a piece need not run
 * on its own. Never throws.
 */
export function readFlowFragment(
  text: string,
  options: ReadFlowFileOptions = {},
): ReadFlowFragmentResult {
  try {
    return read(text, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [fileError("", `Could not read what was pasted: ${message}`)] };
  }
}

function read(text: string, options: ReadFlowFileOptions): ReadFlowFragmentResult {
  const parsed = parseFlowText(text, options.maxBytes);
  if (!parsed.ok) return parsed;
  let raw = parsed.value;
  const warnings: string[] = [];

  // With the marker, the version decides how to read it, exactly as for a file.
  if (hasFlowMarker(raw)) {
    const current = toCurrentVersion(raw);
    if (!current.ok) return current;
    raw = current.value.file;
    for (const step of current.value.steps)
      warnings.push(`Upgraded from an older format (${step}).`);
  }
  if (!isRecord(raw) || !Object.hasOwn(raw, "nodes")) {
    return { ok: false, errors: [fileError("", NOT_A_FRAGMENT)] };
  }

  const checked = flowFragmentSchema.safeParse(raw);
  if (!checked.success)
    return { ok: false, errors: capErrors(issuesToErrors(checked.error.issues)) };

  const removed: string[] = [];
  const clean = withoutSecrets(checked.data, removed) as typeof checked.data;
  for (const path of removed)
    warnings.push(`Left out ${path}: flows never carry keys or passwords.`);
  // The schema checked every field the engine reads; ids are branded types only in TypeScript.
  const nodes = clean.nodes as unknown as FlowNode[];

  const errors: FlowFileError[] = [];
  const seen = new Set<string>();
  nodes.forEach((node, i) => {
    if (seen.has(node.id)) {
      errors.push(
        fileError(`nodes[${i}].id`, `Two nodes have the id "${node.id}": ids must be unique.`),
      );
    }
    seen.add(node.id);
  });
  if (errors.length > 0) return { ok: false, errors: capErrors(errors) };

  const edges: FlowEdge[] = [];
  let dropped = 0;
  for (const edge of (clean.edges ?? []) as unknown as FlowEdge[]) {
    if (seen.has(edge.source) && seen.has(edge.target)) edges.push(edge);
    else dropped++;
  }
  if (dropped > 0) {
    warnings.push(
      `${dropped} connection${dropped === 1 ? "" : "s"} to nodes outside what was pasted ${dropped === 1 ? "was" : "were"} left out.`,
    );
  }
  // Notes are pasted with fresh ids, so two with one id need no refusal here.
  const notes = (clean.notes ?? []) as unknown as StickyNote[];
  return { ok: true, nodes, edges, notes, warnings };
}
