import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { LlmCanvasNode } from "../canvasNodeData";
import { MemoryBadge } from "./MemoryBadge";
import { NodeFrame } from "./NodeFrame";
import { sameNodeProps } from "./sameNodeProps";

export const LlmNode = memo(function LlmNode({ id, data }: NodeProps<LlmCanvasNode>) {
  return (
    <NodeFrame
      kind="llm"
      id={id}
      memoryId={data.memoryId}
      memoryColor={data.memoryColor}
      problemSeverity={data.problemSeverity}
      problemText={data.problemText}
    >
      <p className="flow-node-detail flow-node-model">
        <span>{data.provider || "no provider"}</span>
        <span aria-hidden="true"> · </span>
        <span>{data.model || "no model"}</span>
      </p>
      <MemoryBadge
        memoryId={data.memoryId}
        color={data.memoryColor}
        windowSize={data.windowSize}
        windowTokens={data.windowTokens}
        mode={data.memoryMode}
        summarized={data.summarized}
        shared={data.sharedMemory}
      />
    </NodeFrame>
  );
}, sameNodeProps);
