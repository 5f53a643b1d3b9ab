import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { OutputCanvasNode } from "../canvasNodeData";
import { NodeFrame } from "./NodeFrame";
import { sameNodeProps } from "./sameNodeProps";

export const OutputNode = memo(function OutputNode({ id, data }: NodeProps<OutputCanvasNode>) {
  return (
    <NodeFrame
      kind="output"
      id={id}
      problemSeverity={data.problemSeverity}
      problemText={data.problemText}
    >
      <p className={`flow-node-detail flow-node-text${data.text ? "" : " is-empty"}`}>
        {/* An output without a value shows its single input as it is. */}
        {data.text || "shows its input"}
      </p>
    </NodeFrame>
  );
}, sameNodeProps);
