import { getViewportForBounds, type Viewport } from "@xyflow/react";
import type { FlowNode } from "../../../engine/flow";
import { FIT_VIEW_OPTIONS, MAX_ZOOM, MIN_ZOOM } from "../canvasView";
import { DEFAULT_NODE_SIZE } from "../nodeSize";

/**
 * The view that fits every node of the flow as React Flow's fitView would (same padding and
 * zoom limits), from the flow's positions: on a large flow React Flow knows only the nodes
 * drawn. Sizes not yet measured are taken as the default node size.
 */
export function fitFlowViewport(
  nodes: readonly FlowNode[],
  pane: { width: number; height: number },
  sizeOf: (node: FlowNode) => { width: number; height: number } | undefined = () => undefined,
): Viewport | null {
  if (nodes.length === 0 || pane.width <= 0 || pane.height <= 0) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    const { width, height } = sizeOf(node) ?? DEFAULT_NODE_SIZE;
    const { x, y } = node.position;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + width);
    maxY = Math.max(maxY, y + height);
  }
  const bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  return getViewportForBounds(
    bounds,
    pane.width,
    pane.height,
    Math.max(MIN_ZOOM, FIT_VIEW_OPTIONS.minZoom ?? MIN_ZOOM),
    Math.min(MAX_ZOOM, FIT_VIEW_OPTIONS.maxZoom ?? MAX_ZOOM),
    FIT_VIEW_OPTIONS.padding ?? 0.1,
  );
}
