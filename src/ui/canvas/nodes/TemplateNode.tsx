import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { TemplateCanvasNode } from "../canvasNodeData";
import { NodeFrame } from "./NodeFrame";
import { sameNodeProps } from "./sameNodeProps";

export const TemplateNode = memo(function TemplateNode({
  id,
  data,
}: NodeProps<TemplateCanvasNode>) {
  return (
    <NodeFrame
      kind="template"
      id={id}
      problemSeverity={data.problemSeverity}
      problemText={data.problemText}
    >
      <p className={`flow-node-detail flow-node-text${data.text ? "" : " is-empty"}`}>
        {data.text || "empty template"}
      </p>
    </NodeFrame>
  );
}, sameNodeProps);
