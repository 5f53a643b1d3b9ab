import { useFlowStore } from "../../store/flowStore";
import { useCanvasUi } from "./canvasUiStore";
import { flowMemoryColors } from "./flowDerived";

/**
 * Hover and focus light up a memory while they last; a click pins it so it stays lit after
 * the pointer leaves (click again to unpin). Badges on nodes and legend entries share this.
 */
export function previewMemory(memoryId: string): void {
  useFlowStore.getState().setHighlightedMemory(memoryId);
}

export function endMemoryPreview(): void {
  useFlowStore.getState().setHighlightedMemory(useCanvasUi.getState().pinnedMemory);
}

export function toggleMemoryPin(memoryId: string): void {
  const ui = useCanvasUi.getState();
  ui.setPinnedMemory(ui.pinnedMemory === memoryId ? null : memoryId);
  // Still hovered or focused: stay lit either way until the pointer or focus leaves.
  useFlowStore.getState().setHighlightedMemory(memoryId);
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
