import { useFlowStore } from "../../store/flowStore";
import { useCanvasUi } from "./canvasUiStore";
import { flowMemoryColors } from "./flowDerived";

/**
 * Hover and focus light up a memory while they last; a click pins it so it stays lit after
 * the pointer leaves (click again to unpin). Badges on nodes and legend entries share this.
 */
export function previewMemory(memoryId: string): void {
  setHighlight(memoryId);
}

/**
 * The pointer came over a badge: a preview, unless a button is held. A pan or a drag slides
 * badges under a still pointer; lighting each memory on the way restyled every node on every
 * frame (the pan of a 1,000-node flow ran at half its rate) and flickered the whole canvas.
 */
export function previewMemoryOnHover(event: { buttons: number }, memoryId: string): void {
  if (event.buttons === 0) setHighlight(memoryId);
}

export function endMemoryPreview(): void {
  setHighlight(useCanvasUi.getState().pinnedMemory);
}

/** Unchanged is no update: every node's highlight selector would run again for nothing. */
function setHighlight(memoryId: string | null): void {
  const store = useFlowStore.getState();
  if (store.highlightedMemory !== memoryId) store.setHighlightedMemory(memoryId);
}

export function toggleMemoryPin(memoryId: string): void {
  const ui = useCanvasUi.getState();
  ui.setPinnedMemory(ui.pinnedMemory === memoryId ? null : memoryId);
  // Still hovered or focused: stay lit either way until the pointer or focus leaves.
  setHighlight(memoryId);
}

export type HighlightState = "none" | "on" | "dim";

/**
 * How a node looks while a memory is highlighted: lit if it uses that memory, dimmed if not.
 * A highlight naming a memory no node uses any more (its last node was deleted) dims nothing.
 */
export function useMemoryHighlight(memoryId: string | null): HighlightState {
  return useFlowStore((s) => {
    const lit = s.highlightedMemory;
    if (lit === null || !s.flow || !flowMemoryColors(s.flow).has(lit)) return "none";
    return lit === memoryId ? "on" : "dim";
  });
}
