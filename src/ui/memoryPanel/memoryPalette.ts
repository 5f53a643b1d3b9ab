import { useMemo } from "react";
import { useMemoryColors } from "../canvas/flowDerived";
import { memoryColor, memoryHue } from "../canvas/memoryColors";

/**
 * The flow's memory colours (the canvas badges' colours), extended to memories the flow no
 * longer uses but a run or the conversation still holds: each gets the next hue, so it never
 * borrows the colour of a memory on the canvas.
 */
export function withColorsFor(
  colors: ReadonlyMap<string, string>,
  ids: Iterable<string>,
): ReadonlyMap<string, string> {
  let extended: Map<string, string> | null = null;
  for (const id of ids) {
    if ((extended ?? colors).has(id)) continue;
    extended ??= new Map(colors);
    extended.set(id, memoryColor(memoryHue(extended.size)));
  }
  return extended ?? colors;
}

/** withColorsFor over the open flow's colours, recomputed only when the ids or colours change. */
export function useMemoryPalette(ids: readonly string[]): ReadonlyMap<string, string> {
  const flowColors = useMemoryColors();
  // A string key: callers build `ids` on every render, the palette must not follow that.
  const key = ids.join("\u0000");
  return useMemo(
    () => withColorsFor(flowColors, key === "" ? [] : key.split("\u0000")),
    [flowColors, key],
  );
}
