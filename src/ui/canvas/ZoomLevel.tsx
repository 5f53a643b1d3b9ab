import { useStore } from "@xyflow/react";
import { useLayoutEffect } from "react";
import "./zoomLevels.css";
import { zoomLevelOf } from "./zoomLevel";

/**
 * Marks the canvas with how far out it is zoomed (data-zoom "near", "mid", "far", "farther" or
 * "farthest", zoomLevel.ts) so zoomLevels.css draws smaller nodes as a larger summary. The
 * selector's answer changes only when a threshold is crossed: zooming re-renders nothing, and
 * the nodes themselves never re-render for it.
 */
export function ZoomLevel() {
  const level = useStore((s) => zoomLevelOf(s.transform[2]));
  const canvas = useStore((s) => s.domNode);
  useLayoutEffect(() => canvas?.setAttribute("data-zoom", level), [canvas, level]);
  return null;
}
