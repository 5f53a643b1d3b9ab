import type { Flow } from "../../engine/flow";
import type { NodeId } from "../../engine/ids";
import { type MemoryUser, memoryUsage } from "../../engine/memoryUsage";
import { type FlowProblem, validateFlow } from "../../engine/validateFlow";
import { useFlowStore } from "../../store/flowStore";
import { memoryColors } from "./memoryColors";

/**
 * True when two flows differ at most in node positions. Validation and memory sharing never
 * look at positions, so a drag (one new flow per frame) must not recompute them: on a
 * 1,000-node flow that would cost more than the drag itself.
 */
export function sameStructure(a: Flow, b: Flow): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x === y) continue;
    if (!x || !y || x.id !== y.id || x.type !== y.type || x.config !== y.config) return false;
  }
  return true;
}

/** One cached value for the open flow, recomputed only when its structure changes. */
function cachedByStructure<T>(compute: (flow: Flow) => T): (flow: Flow) => T {
  let last: { flow: Flow; value: T } | null = null;
  return (flow) => {
    if (last && sameStructure(last.flow, flow)) {
      // Remember the newest flow so the next comparison is usually a single `===`.
      last.flow = flow;
      return last.value;
    }
    last = { flow, value: compute(flow) };
    return last.value;
  };
}

/** Errors before warnings, each group in the order validateFlow found them. */
export function sortProblems(problems: readonly FlowProblem[]): FlowProblem[] {
  const rank = (p: FlowProblem) => (p.severity === "error" ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b));
}

export interface NodeProblemSummary {
  severity: "error" | "warning";
  /** Every message about the node, one per line. */
  text: string;
  count: number;
}

export function summarizeByNode(problems: readonly FlowProblem[]): Map<NodeId, NodeProblemSummary> {
  const byNode = new Map<NodeId, NodeProblemSummary>();
  for (const p of problems) {
    if (!p.nodeId) continue;
    const seen = byNode.get(p.nodeId);
    byNode.set(
      p.nodeId,
      seen
        ? {
            severity: seen.severity === "error" ? "error" : p.severity,
            text: `${seen.text}\n${p.message}`,
            count: seen.count + 1,
          }
        : { severity: p.severity, text: p.message, count: 1 },
    );
  }
  return byNode;
}

export const flowProblems = cachedByStructure((flow) => sortProblems(validateFlow(flow)));
export const nodeProblems = cachedByStructure((flow) => summarizeByNode(flowProblems(flow)));
export const flowMemoryColors = cachedByStructure(memoryColors);
export const flowMemoryUsage = cachedByStructure(memoryUsage);

const NO_PROBLEMS: FlowProblem[] = [];
const NO_SUMMARIES = new Map<NodeId, NodeProblemSummary>();
const NO_COLORS = new Map<string, string>();
const NO_USAGE = new Map<string, MemoryUser[]>();

// These selectors return the cached object, so a drag does not re-render the panels using them.
export const useFlowProblems = () =>
  useFlowStore((s) => (s.flow ? flowProblems(s.flow) : NO_PROBLEMS));
export const useNodeProblems = () =>
  useFlowStore((s) => (s.flow ? nodeProblems(s.flow) : NO_SUMMARIES));
export const useMemoryColors = () =>
  useFlowStore((s) => (s.flow ? flowMemoryColors(s.flow) : NO_COLORS));
export const useMemoryUsage = () =>
  useFlowStore((s) => (s.flow ? flowMemoryUsage(s.flow) : NO_USAGE));
