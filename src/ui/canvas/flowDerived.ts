import { useDeferredValue, useMemo } from "react";
import type { Flow } from "../../engine/flow";
import { type FlowProblem, withSettings } from "../../engine/flowProblem";
import type { NodeId } from "../../engine/ids";
import { flowScopedMemories } from "../../engine/memoryScope";
import type { MemoryUser } from "../../engine/memoryUsage";
import { cachedByStructure, memoryUsageOf, structureOf } from "../../store/flowProblems";
import { useFlowStore } from "../../store/flowStore";
import { useStudio } from "../../store/studioStore";
import { useLazyModule } from "../common/useLazyModule";
import { isLargeFlow } from "./largeFlow";
import { memoryColors } from "./memoryColors";

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

type Checks = typeof import("../../store/problemsOf");
/**
 * The flow checks (validateFlow), loaded after the first paint: the canvas and chat do not
 * wait for them, and until they arrive (a few milliseconds) the panels say "Checking".
 */
let loadedChecks: Checks | null = null;
let loadingChecks: Promise<Checks> | null = null;
export function loadChecks(): Promise<Checks> {
  loadingChecks ??= import("../../store/problemsOf").then((checks) => {
    loadedChecks = checks;
    return checks;
  });
  return loadingChecks;
}
/**
 * True once the checks have loaded; starts loading them on first use. A failed load (the app
 * updated on the server meanwhile) leaves "Checking": a run still checks the flow itself.
 */
const useChecksLoaded = (): boolean => useLazyModule(loadChecks, true) !== null;

// Called only once the checks have loaded (useChecksLoaded), so nothing empty is cached.
export const flowProblems = cachedByStructure((flow) =>
  sortProblems(loadedChecks ? loadedChecks.problemsOf(flow) : []),
);
export const problemSummariesByNode = cachedByStructure((flow) =>
  summarizeByNode(flowProblems(flow)),
);
export const flowMemoryColors = cachedByStructure(memoryColors);

const NO_PROBLEMS: FlowProblem[] = [];
const NO_SUMMARIES = new Map<NodeId, NodeProblemSummary>();
const NO_COLORS = new Map<string, string>();
const NO_USAGE = new Map<string, MemoryUser[]>();

/**
 * The providers Settings gives a base URL, as one string (a selector value that only changes
 * when they do): a node of such a provider needs no base URL of its own.
 */
const useSettingsBaseUrlKey = () =>
  useStudio((s) =>
    Object.entries(s.credentials)
      .filter(([, entry]) => entry?.baseUrl?.trim())
      .map(([provider]) => provider)
      .sort()
      .join(","),
  );

/** `problems` less those the Settings' base URLs resolve; the same array when none do. */
export function useWithSettings(problems: FlowProblem[]): FlowProblem[] {
  const key = useSettingsBaseUrlKey();
  return useMemo(
    () => withSettings(problems, new Set(key === "" ? [] : key.split(","))),
    [problems, key],
  );
}

/**
 * The open flow whose problems are shown: its structure (so a drag does not re-render the
 * panels using it), and for a large flow the one React has rendered in a later, deferred
 * pass: checking 50,000 nodes takes over 100 ms, which would otherwise share one task with
 * drawing the canvas. Until then a large flow shows no problems, for a moment.
 */
function useCheckedFlow(): Flow | null {
  return useLargeFlowDeferred(useFlowStore((s) => (s.flow ? structureOf(s.flow) : null)));
}

/**
 * `flow`, or for a large flow the one React has rendered in a later, deferred pass (null until
 * the first): what is derived from all of its nodes is then computed in a task of its own, not
 * in the one that applies an edit.
 */
export function useLargeFlowDeferred<F extends Flow | null>(flow: F): F | null {
  return useDeferredWhenLarge(flow, flow);
}

/**
 * `inputs` of a computation over `flow`, or for a large flow those of a later, deferred render
 * (null until the first). Pass every input that changes with an edit (a renamed node's id too):
 * one left current would recompute over the previous flow in the edit's own task. `inputs` must
 * keep its identity between renders (useMemo), or each render defers again.
 */
export function useDeferredWhenLarge<T>(flow: Flow | null, inputs: T): T | null {
  const deferred = useDeferredValue(inputs, null);
  return flow && isLargeFlow(flow.nodes.length) ? deferred : inputs;
}

/** The open flow's problems, errors first; null until the checks have loaded. */
export function useFlowProblems(): FlowProblem[] | null {
  const loaded = useChecksLoaded();
  const flow = useCheckedFlow();
  const problems = useWithSettings(flow && loaded ? flowProblems(flow) : NO_PROBLEMS);
  return loaded ? problems : null;
}
export function useNodeProblems(): Map<NodeId, NodeProblemSummary> {
  const loaded = useChecksLoaded();
  const checked = useCheckedFlow();
  const flow = loaded ? checked : null;
  const cached = flow ? problemSummariesByNode(flow) : NO_SUMMARIES;
  const all = flow ? flowProblems(flow) : NO_PROBLEMS;
  const shown = useWithSettings(all);
  // The cached summaries unless Settings resolved one of the problems.
  return useMemo(() => (shown === all ? cached : summarizeByNode(shown)), [shown, all, cached]);
}
const flowSharedMemories = cachedByStructure(
  (flow): ReadonlySet<string> => new Set(flowScopedMemories(flow)),
);
const NO_SHARED: ReadonlySet<string> = new Set();
/** The open flow's flow-scoped memories (one log for every conversation). */
export const useSharedMemories = () =>
  useFlowStore((s) => (s.flow ? flowSharedMemories(s.flow) : NO_SHARED));
export const useMemoryColors = () =>
  useFlowStore((s) => (s.flow ? flowMemoryColors(s.flow) : NO_COLORS));
export const useMemoryUsage = () =>
  useFlowStore((s) => (s.flow ? memoryUsageOf(s.flow) : NO_USAGE));
