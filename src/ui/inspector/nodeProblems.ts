import type { FlowProblem } from "../../engine/flowProblem";
import type { NodeId } from "../../engine/ids";

export interface NodeProblems {
  /** Problems shown under the field they name. */
  byField: ReadonlyMap<string, readonly FlowProblem[]>;
  /** This node's problems with no field on screen: listed at the top of the inspector. */
  general: readonly FlowProblem[];
}

const NONE: readonly FlowProblem[] = [];

/** One node's problems, each under its field when that field is shown, otherwise at the top. */
export function nodeProblems(
  problems: readonly FlowProblem[],
  nodeId: NodeId,
  shownFields: ReadonlySet<string>,
): NodeProblems {
  const byField = new Map<string, FlowProblem[]>();
  const general: FlowProblem[] = [];
  for (const problem of problems) {
    if (problem.nodeId !== nodeId) continue;
    if (problem.field !== undefined && shownFields.has(problem.field)) {
      byField.set(problem.field, [...(byField.get(problem.field) ?? []), problem]);
    } else {
      general.push(problem);
    }
  }
  return { byField, general };
}

export const fieldProblems = (problems: NodeProblems, field: string): readonly FlowProblem[] =>
  problems.byField.get(field) ?? NONE;
