import { create } from "zustand";
import type { ProviderName } from "../engine/flow";

export type SideTab = "chat" | "node" | "runs" | "memory";

/** Which panels are open: view state shared by components that open each other's panels. */
export interface UiState {
  sideTab: SideTab;
  /** Settings is open (focused on one provider's section when given). */
  settings: { open: boolean; provider?: ProviderName };
  setSideTab(tab: SideTab): void;
  openSettings(provider?: ProviderName): void;
  closeSettings(): void;
}

export const useUi = create<UiState>()((set) => ({
  sideTab: "chat",
  settings: { open: false },
  setSideTab: (sideTab) => set({ sideTab }),
  openSettings: (provider) => set({ settings: { open: true, ...(provider && { provider }) } }),
  closeSettings: () => set({ settings: { open: false } }),
}));
