/**
 * How far out the canvas is zoomed, in named steps: zoomLevels.css draws smaller nodes as a
 * larger summary at each step (kind, id, memory badge), as map apps do.
 */
export type ZoomLevelName = "near" | "mid" | "far" | "farther" | "farthest";

/**
 * Where each level starts. The node title is 14 px near, then 24, 36, 52 and 100 px
 * (zoomLevels.css): at least 10 px on screen from each level's start down to the next, and
 * down to the lowest zoom (0.1): a chain of a dozen nodes at 1024 px fits at about 0.12.
 */
const LEVELS: readonly { name: ZoomLevelName; from: number }[] = [
  { name: "near", from: 0.75 },
  { name: "mid", from: 0.45 },
  { name: "far", from: 0.3 },
  { name: "farther", from: 0.2 },
];

export function zoomLevelOf(zoom: number): ZoomLevelName {
  return LEVELS.find((l) => zoom >= l.from)?.name ?? "farthest";
}

/**
 * Farthest out a node is a label on a map (its id and its memory's colour): it is drawn as
 * such (nodes/NodeFrame.tsx, MapLabel), not as a whole card with its details hidden.
 */
export const isMapZoom = (zoom: number) => zoomLevelOf(zoom) === "farthest";
