import { createContext, createElement, type ReactNode, useContext } from "react";
import { useStore } from "zustand";
import type { StudioStore } from "./createStudioStore";
import type { StudioState } from "./studioState";

const StudioContext = createContext<StudioStore | null>(null);

/** Gives the components below it the studio store (main.tsx: the app's; tests: their own). */
export function StudioProvider({ store, children }: { store: StudioStore; children?: ReactNode }) {
  return createElement(StudioContext.Provider, { value: store }, children);
}

/** The studio store of the nearest StudioProvider, for event handlers (getState()). */
export function useStudioApi(): StudioStore {
  const store = useContext(StudioContext);
  if (!store) throw new Error("useStudio needs a <StudioProvider> above the component.");
  return store;
}

/** Selects from the studio store; the component re-renders when the selection changes. */
export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(useStudioApi(), selector);
}
