import type { Edge, Node } from "@xyflow/react";
import type { MemoryMode, NodeKind } from "../../engine/flow";
import type { NoteColor } from "../../engine/stickyNotes";

/**
 * What each node component draws, and nothing else: a node re-renders only when one of these
 * values changes (not when it is dragged or another node changes).
 */
export type ProblemFields = {
  problemSeverity: "error" | "warning" | null;
  /** Every problem message about the node, one per line; "" when there are none. */
  problemText: string;
};

export type InputNodeData = ProblemFields;

export type LlmNodeData = ProblemFields & {
  provider: string;
  model: string;
  memoryId: string | null;
  memoryColor: string | null;
  windowSize: number | null;
  windowTokens: number | null;
  memoryMode: MemoryMode;
  /** Its memory is flow-scoped: one log for every conversation of the flow. */
  sharedMemory: boolean;
  /** Summary memory is on: what the window drops is folded into a running summary. */
  summarized: boolean;
};

/** Template and output nodes show the start of their text. */
export type TextNodeData = ProblemFields & { text: string };

/**
 * React Flow type names differ from the flow's kinds on purpose: React Flow's stylesheet gives
 * its built-in `input` and `output` node types a fixed width, border and padding.
 */
export const RF_NODE_TYPE = {
  input: "flowInput",
  llm: "flowLlm",
  template: "flowTemplate",
  output: "flowOutput",
} as const satisfies Record<NodeKind, string>;

export type InputCanvasNode = Node<InputNodeData, typeof RF_NODE_TYPE.input>;
export type LlmCanvasNode = Node<LlmNodeData, typeof RF_NODE_TYPE.llm>;
export type TemplateCanvasNode = Node<TextNodeData, typeof RF_NODE_TYPE.template>;
export type OutputCanvasNode = Node<TextNodeData, typeof RF_NODE_TYPE.output>;

/** A sticky note (version 3): drawn by React Flow like a node, but no node of the flow. */
export type NoteNodeData = { noteId: string; text: string; color: NoteColor };
export const RF_NOTE_TYPE = "note";
export type NoteCanvasNode = Node<NoteNodeData, typeof RF_NOTE_TYPE>;

/** A node of the flow, as React Flow draws it. */
export type FlowCanvasNode =
  | InputCanvasNode
  | LlmCanvasNode
  | TemplateCanvasNode
  | OutputCanvasNode;
export type CanvasNode = FlowCanvasNode | NoteCanvasNode;
export type CanvasEdge = Edge;
