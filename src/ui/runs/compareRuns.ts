import type { NodeId } from "../../engine/ids";
import type { NodeRecord, RunSnapshot } from "../../engine/runSnapshot";
import type { CallLine } from "./callMessages";
import { executionOrder } from "./executionOrder";

export interface ComparedNode {
  nodeId: NodeId;
  /** The node's record in each run; undefined when that run's flow had no such node. */
  left: NodeRecord | undefined;
  right: NodeRecord | undefined;
}

/**
 * Every LLM node of either run, in the order the left run executed them, then the right
 * run's extra ones (a node added or renamed between the two runs).
 */
export function comparedLlmNodes(left: RunSnapshot, right: RunSnapshot): ComparedNode[] {
  const llms = (run: RunSnapshot) => executionOrder(run).filter((n) => n.type === "llm");
  const leftNodes = llms(left);
  const rightNodes = llms(right);
  const rightById = new Map(rightNodes.map((n) => [n.nodeId, n]));
  const leftIds = new Set(leftNodes.map((n) => n.nodeId));
  return [
    ...leftNodes.map((n) => ({ nodeId: n.nodeId, left: n, right: rightById.get(n.nodeId) })),
    ...rightNodes
      .filter((n) => !leftIds.has(n.nodeId))
      .map((n) => ({ nodeId: n.nodeId, left: undefined, right: n })),
  ];
}

/** Same speaker, same text: where it came from does not change what the model read. */
const sameMessageKey = (line: CallLine) => `${line.role}\u0000${line.content}`;

/**
 * The keys of `lines` the other call did not receive, counted as a multiset: a message sent
 * twice in one run and once in the other is marked once.
 */
export function onlyIn(lines: readonly CallLine[], other: readonly CallLine[]): Set<string> {
  const remaining = new Map<string, number>();
  for (const line of other) {
    const key = sameMessageKey(line);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const only = new Set<string>();
  for (const line of lines) {
    const key = sameMessageKey(line);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else only.add(line.key);
  }
  return only;
}

/** How many lines both calls start with, identical: they say nothing about the difference. */
export function commonPrefix(a: readonly CallLine[], b: readonly CallLine[]): number {
  let n = 0;
  while (
    n < a.length &&
    n < b.length &&
    sameMessageKey(a[n] as CallLine) === sameMessageKey(b[n] as CallLine)
  )
    n++;
  return n;
}
