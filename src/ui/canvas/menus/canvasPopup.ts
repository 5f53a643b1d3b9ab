import { create } from "zustand";
import type { Position } from "../../../engine/flow";
import type { NodeId } from "../../../engine/ids";

/** What a context menu is about: a node (and the selection it belongs to), a connection, the pane. */
export type MenuTarget =
  | { kind: "node"; nodeId: NodeId }
  | { kind: "edge"; edgeId: string }
  /** The pane: "Add … node" puts the node under the point the menu opened at. */
  | { kind: "pane" };

/** A connection dropped on empty canvas: the node it came from, and which end. */
export interface QuickAddDrop {
  from: NodeId;
  /** "source": dragged from the node's output, so the new node is downstream. */
  handle: "source" | "target";
}

/** A quick add, with the flow point where the connection was dropped. */
export interface QuickAddRequest extends QuickAddDrop {
  at: Position;
}

/** The one popup the canvas shows at a time; x and y are where on screen it opens. */
export type CanvasPopup =
  | { type: "menu"; target: MenuTarget; x: number; y: number }
  | { type: "quickAdd"; drop: QuickAddDrop; x: number; y: number }
  | { type: "palette" };

interface CanvasPopupState {
  popup: CanvasPopup | null;
  /** Where focus was when the popup opened: it goes back there when the popup closes. */
  returnFocus: HTMLElement | null;
  open(popup: CanvasPopup): void;
  /** Closes the popup; `restoreFocus` false when the user clicked elsewhere (focus is there). */
  close(restoreFocus?: boolean): void;
}

/**
 * The canvas's context menus, quick-add picker and command palette: which one is open. Kept
 * tiny and loaded with the page (the keys and clicks that open them); what they draw loads on
 * first use (CanvasPopups, CommandPalette).
 */
export const useCanvasPopup = create<CanvasPopupState>()((set, get) => ({
  popup: null,
  returnFocus: null,
  open(popup) {
    // A popup replacing another keeps the first one's way back.
    const returnFocus = get().returnFocus ?? (document.activeElement as HTMLElement | null);
    set({ popup, returnFocus });
  },
  close(restoreFocus = true) {
    const target = get().returnFocus;
    set({ popup: null, returnFocus: null });
    if (restoreFocus && target?.isConnected) target.focus({ preventScroll: true });
  },
}));
