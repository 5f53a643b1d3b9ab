import { Background, BackgroundVariant, useStore } from "@xyflow/react";
import { SNAP_GRID } from "./canvasView";

/** Dots closer than this on screen are drawn at a wider spacing (a multiple of the grid). */
const MIN_SCREEN_GAP_PX = 10;
/** The dots' diameter at the grid's own spacing, in flow units (React Flow scales it by zoom). */
const DOT_SIZE = 1.5;

/**
 * The flow-unit spacing of the dot grid at `zoom`: the snap grid, doubled until the dots lie at
 * least MIN_SCREEN_GAP_PX apart on screen. Zoomed out to 10 % the snap grid put a dot every
 * 2 px, some hundred thousand per frame to paint while panning, and drawn that small they
 * showed as a grey haze, not as a grid.
 */
export function gridSpacing(zoom: number): number {
  let gap = SNAP_GRID[0];
  // Bounded: a zoom of 0 (or less) would never reach the minimum.
  for (let i = 0; i < 16 && gap * zoom < MIN_SCREEN_GAP_PX; i++) gap *= 2;
  return gap;
}

/**
 * The canvas's dot grid. The selector's answer changes only when the spacing steps, so a pan or
 * a zoom within a step re-renders nothing here beyond React Flow's own pattern offset.
 */
export function CanvasBackground() {
  const gap = useStore((s) => gridSpacing(s.transform[2]));
  // Dots keep their size on screen as the spacing widens, and so the same look at every zoom.
  const size = (DOT_SIZE * gap) / SNAP_GRID[0];
  return <Background variant={BackgroundVariant.Dots} gap={gap} size={size} />;
}
