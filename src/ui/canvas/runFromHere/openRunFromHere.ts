import { create } from "zustand";

/** The node whose "Run from here" form is open, if any. */
export const useRunFromHere = create<{ nodeId: string | null }>(() => ({ nodeId: null }));

/**
 * Opens the "Run from here" form for a node: run it alone, from the last run's outputs or
 * from values typed in the form (docs/ui.md). For the node inspector's button and the node's
 * context menu; the form itself loads on first use.
 */
export function openRunFromHere(nodeId: string): void {
  useRunFromHere.setState({ nodeId });
}

export function closeRunFromHere(): void {
  useRunFromHere.setState({ nodeId: null });
}
