import { useStore } from "@xyflow/react";
import { useLayoutEffect } from "react";
import "./zoomLevels.css";

/**
 * Marks the canvas with how far out it is zoomed (data-zoom "near", "mid", "far", "farther" or
 * "farthest") so
 * zoomLevels.css draws smaller nodes as a larger summary (kind, id, memory badge), as map
 * apps do. The selector's answer changes only when a threshold is crossed: zooming
 * re-renders nothing, and the nodes themselves never re-render for it.
 */
export function ZoomLevel() {
  const level = useStore((s) => LEVELS.find((l) => s.transform[2] >= l.from)?.name ?? "farthest");
  const canvas = useStore((s) => s.domNode);
  useLayoutEffect(() => canvas?.setAttribute("data-zoom", level), [canvas, level]);
  return null;
}

/**
 * Where each level starts. The node title is 14 px near, then 24, 36, 52 and 100 px
 * (zoomLevels.css): at least 10 px on screen from each level's start down to the next, and
 * down to the lowest zoom (0.1): a chain of a dozen nodes at 1024 px fits at about 0.12.
 */
const LEVELS = [
  { name: "near", from: 0.75 },
  { name: "mid", from: 0.45 },
  { name: "far", from: 0.3 },
  { name: "farther", from: 0.2 },
] as const;
