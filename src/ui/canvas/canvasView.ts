import type { FitViewOptions } from "@xyflow/react";

/** Nodes land on this grid (snapToGrid, auto-layout, palette drops). */
export const SNAP_GRID: [number, number] = [20, 20];

/**
 * Small flows are not blown up to 200 %. Large ones fit, but never below half size: at 0.1 a 1,000-node flow puts hundreds of unreadable nodes
 * on screen (and on the GPU); at 0.5 labels stay legible. Zooming out further stays possible.
 */
export const FIT_VIEW_OPTIONS: FitViewOptions = { padding: 0.2, maxZoom: 1, minZoom: 0.5 };
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2;

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
