import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { InputCanvasNode } from "../canvasNodeData";
import { NodeFrame } from "./NodeFrame";
import { sameNodeProps } from "./sameNodeProps";

export const InputNode = memo(function InputNode({ id, data }: NodeProps<InputCanvasNode>) {
  return (
    <NodeFrame
      kind="input"
      id={id}
      problemSeverity={data.problemSeverity}
      problemText={data.problemText}
    >
      <p className="flow-node-detail">the chat message</p>
    </NodeFrame>
  );
}, sameNodeProps);
