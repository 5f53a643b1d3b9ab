import type { FlowNode, NodeKind } from "./flow";

export interface NodeKindDef {
  label: string;
  /** The config field holding the node's text template, if it has one. */
  templateField: "prompt" | "template" | "value" | null;
  /** Whether other nodes may connect into it. */
  acceptsInputs: boolean;
}

/** One entry per node kind: adding a kind starts here (docs/architecture.md). */
export const NODE_KINDS = {
  input: { label: "Input", templateField: null, acceptsInputs: false },
  llm: { label: "LLM", templateField: "prompt", acceptsInputs: true },
  template: { label: "Template", templateField: "template", acceptsInputs: true },
  output: { label: "Output", templateField: "value", acceptsInputs: true },
} as const satisfies Record<NodeKind, NodeKindDef>;

export const isNodeKind = (s: unknown): s is NodeKind =>
  typeof s === "string" && Object.hasOwn(NODE_KINDS, s);

/** The node's template text, or undefined when it has none (then its single input passes through). */
export function nodeTemplate(node: FlowNode): string | undefined {
  const field = NODE_KINDS[node.type].templateField;
  if (field === null) return undefined;
  const value = (node.config as Record<string, unknown> | undefined)?.[field];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
