import type { NodeTypes } from "@xyflow/react";
import { RF_NODE_TYPE } from "../canvasNodeData";
import { InputNode } from "./InputNode";
import { LlmNode } from "./LlmNode";
import { OutputNode } from "./OutputNode";
import { TemplateNode } from "./TemplateNode";

/** Defined once at module level: a new object each render would make React Flow remount nodes. */
export const nodeTypes = {
  [RF_NODE_TYPE.input]: InputNode,
  [RF_NODE_TYPE.llm]: LlmNode,
  [RF_NODE_TYPE.template]: TemplateNode,
  [RF_NODE_TYPE.output]: OutputNode,
} satisfies NodeTypes;
