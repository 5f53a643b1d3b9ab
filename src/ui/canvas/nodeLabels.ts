import type { FlowNode, MemoryMode } from "../../engine/flow";
import { type MemorySettings, nodeMemory } from "../../engine/memorySettings";
import { NODE_KINDS } from "../../engine/nodeKinds";
import { windowAndBudgetLabel } from "../memory/memoryLabels";
import type { NodeProblemSummary } from "./flowDerived";

/** A memory mode in words; read-write is the default and goes unsaid. */
export function modeLabel(mode: MemoryMode): string | null {
  if (mode === "read-only") return "read-only";
  if (mode === "write-only") return "write-only";
  return null;
}

/** The memory part of an LLM's description, e.g. "memory chat_llm, last 5 messages". */
export function memoryDescription({
  memoryId,
  windowSize,
  windowTokens,
  mode,
}: MemorySettings): string {
  if (!memoryId) return "no memory";
  const parts = [`memory ${memoryId}`, windowAndBudgetLabel(windowSize, windowTokens)];
  const m = modeLabel(mode);
  if (m) parts.push(m);
  return parts.join(", ");
}

function problemWords(summary: NodeProblemSummary | undefined): string | null {
  if (!summary) return null;
  const noun = summary.severity === "error" ? "error" : "warning";
  return `${summary.count} ${summary.count === 1 ? noun : `${noun}s`}`;
}

/**
 * The node's accessible name, what a screen reader says when the node gets focus:
 * "LLM chat_llm, memory chat_llm, last 5 messages".
 */
export function nodeAccessibleName(node: FlowNode, problems?: NodeProblemSummary): string {
  const parts = [`${NODE_KINDS[node.type]?.label ?? node.type} ${node.id}`];
  if (node.type === "llm") {
    parts.push(memoryDescription(nodeMemory(node)));
  }
  const p = problemWords(problems);
  if (p) parts.push(p);
  return parts.join(", ");
}
