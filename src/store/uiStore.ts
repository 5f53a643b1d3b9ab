import { useStudio } from "./studioContext";
import type { ViewState } from "./viewSlice";

export type { SideTab } from "./viewSlice";

/** Which panels are open: the view slice of the studio store. */
export type UiState = ViewState;

/** Selects from the view slice (side panel tab, Settings dialog, theme). */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStudio(selector);
}
