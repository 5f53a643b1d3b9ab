import { ReactFlowProvider } from "@xyflow/react";
import type { ReactNode } from "react";

/**
 * Wrap FlowCanvas together with Palette, CanvasToolbar and ProblemsList in one of these: they
 * drive the same canvas (drop points, centring on a node, fit view) through React Flow's hooks.
 */
export function CanvasProvider({ children }: { children: ReactNode }) {
  return <ReactFlowProvider>{children}</ReactFlowProvider>;
}
