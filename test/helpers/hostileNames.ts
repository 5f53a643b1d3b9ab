import type { Flow, FlowNode } from "../../src/engine/flow";
import { renameNode } from "../../src/engine/flowEdits";
import type { NodeId } from "../../src/engine/ids";

/**
 * Names a plain JavaScript object already "has": valid node and memory ids all the same.
 * A lookup `record[name]` on a plain object returns what Object.prototype holds for them.
 */
export const HOSTILE_NAMES = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
] as const;

/**
 * The flow with every node but the inputs renamed to `nodeNames` (templates and edges follow,
 * as the editor's rename does) and every memory id to `memoryNames`, in order of first use.
 * Node names are given out so that the ids keep their order: nodes sharing a memory run in id
 * order, and the renamed flow must run as the original does. Returns the flow and both
 * renamings.
 */
export function withHostileNames(
  flow: Flow,
  nodeNames: readonly string[],
  memoryNames: readonly string[],
): { flow: Flow; nodes: Map<string, string>; memories: Map<string, string> } {
  const nodes = new Map<string, string>();
  let result = flow;
  const renamedIds = flow.nodes
    .filter((n) => n.type !== "input")
    .map((n) => n.id)
    .sort(byCodeUnit);
  const sortedNames = [...nodeNames].slice(0, renamedIds.length).sort(byCodeUnit);
  if (sortedNames.length < renamedIds.length) throw new Error("not enough names for the nodes");
  for (const id of renamedIds) {
    const to = sortedNames[nodes.size] as string;
    const node = { id };
    const edit = renameNode(result, node.id as NodeId, to);
    if (!edit.ok) throw new Error(edit.reason);
    result = edit.flow;
    nodes.set(node.id, to);
  }
  const memories = new Map<string, string>();
  const renamed = result.nodes.map((node): FlowNode => {
    if (node.type !== "llm" || typeof node.config.memoryId !== "string") return node;
    const from = node.config.memoryId;
    if (!memories.has(from)) {
      const to = memoryNames[memories.size];
      if (to === undefined) throw new Error("not enough names for the flow's memories");
      memories.set(from, to);
    }
    return { ...node, config: { ...node.config, memoryId: memories.get(from) } };
  });
  return { flow: { ...result, nodes: renamed }, nodes, memories };
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
