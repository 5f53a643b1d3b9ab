import type { Flow } from "../engine/flow";
import { memoryUsage } from "../engine/memoryUsage";

/**
 * True when two flows differ at most in node positions. Validation and memory sharing never
 * look at positions, so a drag (one new flow per frame) must not recompute them: on a
 * 1,000-node flow that would cost more than the drag itself.
 */
export function sameStructure(a: Flow, b: Flow): boolean {
  if (a === b) return true;
  // `memories` (each memory's scope) is structure too: the inspector and validation read it.
  if (a.edges !== b.edges || a.memories !== b.memories || a.nodes.length !== b.nodes.length)
    return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x === y) continue;
    if (!x || !y || x.id !== y.id || x.type !== y.type || x.config !== y.config) return false;
  }
  return true;
}

/** One cached value for the open flow, recomputed only when its structure changes. */
export function cachedByStructure<T>(compute: (flow: Flow) => T): (flow: Flow) => T {
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

/**
 * The open flow as of its last change of structure: panels that never show positions (the
 * inspector) select this, so dragging a node does not re-render them on every frame.
 */
export const structureOf = cachedByStructure((flow: Flow) => flow);

/** Who uses each memory of the open flow (the legend, badges and the inspector). */
export const memoryUsageOf = cachedByStructure(memoryUsage);
