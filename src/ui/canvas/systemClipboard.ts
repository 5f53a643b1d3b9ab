import { fragmentOf } from "../../engine/flowEdits";
import { useFlowStore } from "../../store/flowStore";

/*
 * Nodes through the system clipboard, as flow JSON (docs/flow-format.md "Copy and paste"), so
 * they can go to another tab, another flow, a text editor or a colleague and come back.
 * The store's internal clipboard stays the fallback where the browser gives no clipboard event.
 */

// The flow-file writer, loaded once nodes are first selected (not with the first page): a copy
// event must set the clipboard synchronously, so it has to be here by the time Ctrl+C comes.
let writer: typeof import("../../format/writeFlowFile") | null = null;
let loadingWriter: Promise<unknown> | null = null;

/** Fetches the writer a copy needs; the canvas calls it when nodes get selected. */
export function prepareCopy(): Promise<unknown> {
  loadingWriter ??= import("../../format/writeFlowFile").then(
    (module) => {
      writer = module;
    },
    () => {
      loadingWriter = null; // Offline: try again on the next selection.
    },
  );
  return loadingWriter;
}

/**
 * The selected nodes (and the connections between them) as flow JSON, or null if none, or
 * if the writer has not arrived yet (within a moment of the first selection): the store's
 * own copy, which the shortcut makes too, still holds them for a paste in this tab.
 */
export function selectionJson(): string | null {
  const { flow, selection, selectedNotes } = useFlowStore.getState();
  if (!flow || selection.length + selectedNotes.length === 0) return null;
  if (!writer) {
    void prepareCopy();
    return null;
  }
  return writer.writeFlowFragment(fragmentOf(flow, new Set(selection), new Set(selectedNotes)));
}

let fallback: ReturnType<typeof setTimeout> | undefined;

/**
 * Ctrl/Cmd+V was pressed outside text fields. Browsers that fire a paste event do so at once,
 * before any timer (useClipboardEvents then cancels this); one that does not gets the internal
 * clipboard pasted instead, so the shortcut never does nothing.
 */
export function expectPasteEvent(pasteInternal: () => void): void {
  clearTimeout(fallback);
  fallback = setTimeout(() => {
    fallback = undefined;
    pasteInternal();
  }, 0);
}

/** A paste event came: it decides what is pasted, not the fallback. */
export function pasteEventArrived(): void {
  clearTimeout(fallback);
  fallback = undefined;
}
