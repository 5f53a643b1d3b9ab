import type { ProviderName } from "../engine/flow";
import type { NodeId } from "../engine/ids";
import type { KeyValueStorage } from "./browserServices";
import { DEFAULT_PANEL_LAYOUT, type PanelLayout } from "./panelLayout";
import { SETTINGS } from "./settingsKeys";
import type { SliceContext } from "./sliceContext";

export type Theme = "system" | "light" | "dark";

export type SideTab = "chat" | "node" | "runs" | "memory";

/** On a narrow screen one of the two fills it: the chat (first) or the canvas. */
export type CompactView = "chat" | "canvas";

/** The theme, and which panels are open: view state shared by components that open each other's panels. */
export interface ViewState {
  theme: Theme;
  sideTab: SideTab;
  /** Settings is open (focused on one provider's section when given). */
  settings: { open: boolean; provider?: ProviderName };
  /** A node's field the inspector focuses once it shows that node (then cleared). */
  fieldToFocus: { nodeId: NodeId; field: "model" } | null;
  /** Panel sizes and visibility, saved in settings (loaded by init). */
  layout: PanelLayout;
  compactView: CompactView;
  setTheme(theme: Theme): Promise<void>;
  setSideTab(tab: SideTab): void;
  openSettings(provider?: ProviderName): void;
  closeSettings(): void;
  /** Selects the node and opens its settings at the field, e.g. a model the provider lacks. */
  focusNodeField(nodeId: NodeId, field: "model"): void;
  fieldFocused(): void;
  /** Changes the layout on screen and saves it. */
  setLayout(change: Partial<PanelLayout>): Promise<void>;
  setCompactView(view: CompactView): void;
}

/**
 * The theme is mirrored in localStorage so index.html can apply it before the first paint
 * (IndexedDB answers too late to avoid a flash of the wrong theme). Do not change the key.
 */
export const THEME_MIRROR_KEY = "llm-flow-studio.theme";

/** The theme index.html applied, read back so the first render agrees with it. */
export function mirroredTheme(local: KeyValueStorage | null): Theme {
  try {
    const value = local?.getItem(THEME_MIRROR_KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    // Storage can be disabled (some privacy modes): the system theme is a fine default.
    return "system";
  }
}

export function createViewSlice({
  set,
  get,
  browser,
  openStorage,
  editor,
}: SliceContext): ViewState {
  return {
    theme: mirroredTheme(browser.localStorage),
    sideTab: "chat",
    settings: { open: false },
    fieldToFocus: null,
    layout: DEFAULT_PANEL_LAYOUT,
    compactView: "chat",

    async setTheme(theme) {
      set({ theme });
      try {
        browser.localStorage?.setItem(THEME_MIRROR_KEY, theme);
      } catch {
        // Without localStorage the theme still applies; it may flash on the next load.
      }
      await openStorage()?.settings.put(SETTINGS.theme, theme);
    },
    setSideTab: (sideTab) => set({ sideTab }),
    openSettings: (provider) => set({ settings: { open: true, ...(provider && { provider }) } }),
    closeSettings: () => set({ settings: { open: false } }),
    focusNodeField(nodeId, field) {
      // A node deleted since the run has no field to show: nothing to open.
      if (!editor.getState().flow?.nodes.some((n) => n.id === nodeId)) return;
      editor.getState().select([nodeId]);
      set({ sideTab: "node", fieldToFocus: { nodeId, field } });
    },
    fieldFocused: () => set({ fieldToFocus: null }),
    async setLayout(change) {
      const layout = { ...get().layout, ...change };
      set({ layout });
      await openStorage()?.settings.put(SETTINGS.panelLayout, layout);
    },
    // The chat comes back on its own tab: the canvas may have opened the Node tab.
    setCompactView: (compactView) =>
      set(compactView === "chat" ? { compactView, sideTab: "chat" } : { compactView }),
  };
}
