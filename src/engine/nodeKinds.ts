import type { FlowNode, NodeKind } from "./flow";

export interface NodeKindDef {
  label: string;
  /** The config field holding the node's text template, if it has one. */
  templateField: "prompt" | "template" | "value" | null;
  /** Whether other nodes may connect into it. */
  acceptsInputs: boolean;
  /** Whether it has an output other nodes may connect from (an Output node only shows one). */
  hasOutput: boolean;
  /** A short reason, for a refused connection, why it takes none in or gives none out. */
  role: string;
}

/** One entry per node kind: adding a kind starts here (docs/architecture.md). */
export const NODE_KINDS = {
  input: {
    label: "Input",
    templateField: null,
    acceptsInputs: false,
    hasOutput: true,
    role: "an input node: it receives the chat message",
  },
  llm: {
    label: "LLM",
    templateField: "prompt",
    acceptsInputs: true,
    hasOutput: true,
    role: "an LLM node",
  },
  template: {
    label: "Template",
    templateField: "template",
    acceptsInputs: true,
    hasOutput: true,
    role: "a template node",
  },
  output: {
    label: "Output",
    templateField: "value",
    acceptsInputs: true,
    hasOutput: false,
    role: "an output node: it shows a result in the chat",
  },
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

/**
 * Why a connection from `source` to `target` cannot exist given their kinds, or null. The one
 * rule for the canvas, the inspector's Inputs list, validation and imported files.
 */
export function edgeProblem(source: FlowNode, target: FlowNode): string | null {
  const from = isNodeKind(source.type) ? NODE_KINDS[source.type] : null;
  const to = isNodeKind(target.type) ? NODE_KINDS[target.type] : null;
  if (from && !from.hasOutput) {
    return `"${source.id}" is ${from.role} and connects to nothing: remove the connection ${source.id} → ${target.id}.`;
  }
  if (to && !to.acceptsInputs) {
    return `"${target.id}" is ${to.role} and takes no connections in.`;
  }
  return null;
}
