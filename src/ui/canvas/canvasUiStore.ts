import { create } from "zustand";

/**
 * Canvas view state that is not part of the flow and not shared with other panels: kept out of
 * the flow store so it never enters the undo history or autosave.
 */
interface CanvasUiState {
  shortcutsOpen: boolean;
  /** A memory whose highlight was clicked on: it stays lit when the pointer leaves. */
  pinnedMemory: string | null;
  /** React Flow edge ids (`source->target`) currently selected. */
  selectedEdges: ReadonlySet<string>;
  openShortcuts(): void;
  closeShortcuts(): void;
  setPinnedMemory(memoryId: string | null): void;
  setSelectedEdges(ids: ReadonlySet<string>): void;
}

export const useCanvasUi = create<CanvasUiState>()((set) => ({
  shortcutsOpen: false,
  pinnedMemory: null,
  selectedEdges: new Set(),
  openShortcuts: () => set({ shortcutsOpen: true }),
  closeShortcuts: () => set({ shortcutsOpen: false }),
  setPinnedMemory: (pinnedMemory) => set({ pinnedMemory }),
  setSelectedEdges: (selectedEdges) => set({ selectedEdges }),
}));
