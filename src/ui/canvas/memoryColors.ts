import type { Flow } from "../../engine/flow";
import { nodeMemoryId } from "../../engine/memorySettings";

/**
 * Successive multiples of the golden angle stay far apart on the colour wheel however many
 * memories a flow has (at least 30° for the first eight), and adding a memory never moves the
 * colours of the ones before it.
 */
const GOLDEN_ANGLE = 137.508;
/** Teal first: far from the red and amber of problem markers and the indigo of selection. */
const FIRST_HUE = 165;

/** Hue (degrees) of the memory at `index` in order of first appearance. */
export function memoryHue(index: number): number {
  return Math.round((FIRST_HUE + index * GOLDEN_ANGLE) % 360);
}

/**
 * One mid-lightness colour per hue. The badge CSS mixes it with --text and --panel, so the
 * same value reads well on light and dark themes (see canvas.css).
 */
export function memoryColor(hue: number): string {
  return `oklch(0.62 0.14 ${hue})`;
}

/**
 * Each memory id of the flow with its colour, in the order the ids first appear among the
 * nodes: every node sharing a memory gets the same colour, different memories get different ones.
 */
export function memoryColors(flow: Pick<Flow, "nodes">): Map<string, string> {
  const colors = new Map<string, string>();
  for (const node of flow.nodes) {
    const id = nodeMemoryId(node);
    if (id === null || colors.has(id)) continue;
    colors.set(id, memoryColor(memoryHue(colors.size)));
  }
  return colors;
}
