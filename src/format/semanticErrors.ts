import type { Flow } from "../engine/flow";
import { validateFlow } from "../engine/validateFlow";
import { type FlowFileError, fileError } from "./flowFileErrors";

/*
 * The engine's validateFlow judges what the schema cannot (duplicate ids, cycles, template
 * references, LLM settings); this puts its findings in the file's terms: each error gets the
 * path of the node it names, so the import dialog can point at it.
 */

export interface SemanticFindings {
  errors: FlowFileError[];
  warnings: string[];
}

/** Where a config field lives: node-level fields sit on the node, the rest in its config. */
const NODE_LEVEL_FIELDS = new Set(["id", "type", "position"]);

export function semanticErrors(flow: Flow): SemanticFindings {
  const errors: FlowFileError[] = [];
  const nodeIds = new Set(flow.nodes.map((n) => n.id as string));

  // A connection to a missing node is refused here, with the connection's own path; the
  // engine's checks then run on the connections that do hold together.
  const edges = flow.edges.filter((edge, i) => {
    let whole = true;
    for (const end of ["source", "target"] as const) {
      if (!nodeIds.has(edge[end])) {
        errors.push(
          fileError(
            `edges[${i}].${end}`,
            `The connection ${edge.source} → ${edge.target} points to "${edge[end]}", which is not a node of this flow.`,
          ),
        );
        whole = false;
      }
    }
    return whole;
  });

  // The last node with an id: for a duplicate, that is the copy to rename.
  const indexOf = new Map<string, number>();
  for (const [i, node] of flow.nodes.entries()) indexOf.set(node.id, i);

  const warnings: string[] = [];
  for (const problem of validateFlow({ nodes: flow.nodes, edges })) {
    if (problem.severity === "warning") {
      warnings.push(problem.message);
      continue;
    }
    const index = problem.nodeId === undefined ? undefined : indexOf.get(problem.nodeId);
    let path = index === undefined ? "" : `nodes[${index}]`;
    if (path && problem.field) {
      path += NODE_LEVEL_FIELDS.has(problem.field)
        ? `.${problem.field}`
        : `.config.${problem.field}`;
    }
    errors.push(fileError(path, problem.message));
  }
  errors.push(...duplicateNoteIds(flow));
  return { errors, warnings };
}

/** Notes have ids of their own (version 3): two with one id could not be told apart. */
function duplicateNoteIds(flow: Flow): FlowFileError[] {
  const seen = new Set<string>();
  const errors: FlowFileError[] = [];
  for (const [i, note] of (flow.notes ?? []).entries()) {
    if (seen.has(note.id)) {
      errors.push(
        fileError(`notes[${i}].id`, `Two notes have the id "${note.id}": note ids must be unique.`),
      );
    }
    seen.add(note.id);
  }
  return errors;
}
