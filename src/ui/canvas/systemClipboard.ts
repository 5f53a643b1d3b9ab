import { fragmentOf, pasteFragment } from "../../engine/flowEdits";
import type { NodeId, NoteId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";

/*
 * Nodes through the system clipboard, as flow JSON (docs/flow-format.md "Copy and paste"), so
 * they can go to another tab, another flow, a text editor or a colleague and come back.
 * The store's internal clipboard stays the fallback where the browser gives no clipboard event.
 */

/** Pasted nodes sit this far from where they were copied, as the store's own paste does. */
const PASTE_OFFSET = { x: 40, y: 40 };

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

/**
 * Adds the nodes of pasted flow JSON to the open flow (fresh ids where they clash) and selects
 * them, as one undo step. Resolves false, with nothing changed, when the text is not flow JSON.
 */
export async function pasteFlowText(text: string): Promise<boolean> {
  // Most pasted text is not JSON at all: no need to load the reader for it.
  if (!text.trimStart().startsWith("{")) return false;
  const { readFlowFragment } = await import("../../format/readFlowFragment");
  const read = readFlowFragment(text);
  if (!read.ok || read.nodes.length + read.notes.length === 0) return false;
  const store = useFlowStore.getState();
  let ids: NodeId[] = [];
  let noteIds: NoteId[] = [];
  const pasted = store.apply((flow) => {
    const result = pasteFragment(flow, read, PASTE_OFFSET);
    ids = result.ids;
    noteIds = result.noteIds;
    return { ok: true, flow: result.flow };
  });
  if (pasted) {
    store.select(ids);
    store.selectNotes(noteIds);
  }
  return pasted;
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
