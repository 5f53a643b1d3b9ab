import type { FitViewOptions } from "@xyflow/react";

/** Nodes land on this grid (snapToGrid, auto-layout, palette drops). */
export const SNAP_GRID: [number, number] = [20, 20];

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2;

/**
 * Fit view shows the whole flow, zooming out as far as it needs (nodes draw a larger summary
 * when small: ZoomLevel.tsx); small flows are not blown up past 100 %. The bottom margin keeps
 * the flow clear of the zoom controls and of the minimap's corner (FlowCanvas sizes it).
 */
export const FIT_VIEW_OPTIONS: FitViewOptions = {
  padding: { x: "24px", top: "24px", bottom: "128px" },
  maxZoom: 1,
  minZoom: MIN_ZOOM,
};

/** Animated camera moves, unless the user asked the system for less motion. */
export function motionDuration(ms = 300): number {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return ms;
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : ms;
}

/** React Flow's own labels, reworded so none of them collides with our toolbar's "Fit view". */
export const ARIA_LABELS = {
  "controls.ariaLabel": "Zoom controls",
  "controls.zoomIn.ariaLabel": "Zoom in",
  "controls.zoomOut.ariaLabel": "Zoom out",
  "controls.fitView.ariaLabel": "Zoom to fit",
  "minimap.ariaLabel": "Mini map",
  "handle.ariaLabel": "Connection point",
  "node.a11yDescription.default":
    "Press Enter or Space to select the node, arrow keys to move it, Delete to remove it.",
};
