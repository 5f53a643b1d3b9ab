import type { Flow } from "../engine/flow";
import type { FlowProblem } from "../engine/validateFlow";
import { validateFlow } from "../engine/validateFlow";
import { useFlowStore } from "./flowStore";

const cache = new WeakMap<Flow, FlowProblem[]>();

/** validateFlow, once per flow object: the canvas, legend, problems list and inspector share it. */
export function problemsOf(flow: Flow): FlowProblem[] {
  let problems = cache.get(flow);
  if (!problems) {
    problems = validateFlow(flow);
    cache.set(flow, problems);
  }
  return problems;
}

const NONE: FlowProblem[] = [];

/** The open flow's problems; the same array until the flow changes. */
export function useFlowProblems(): FlowProblem[] {
  return useFlowStore((s) => (s.flow ? problemsOf(s.flow) : NONE));
}
