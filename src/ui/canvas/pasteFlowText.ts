import { pasteFragment } from "../../engine/flowEdits";
import type { NodeId, NoteId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";

/*
 * A paste of flow JSON from the system clipboard (systemClipboard.ts has the copy): loaded on
 * the first paste event, not with the first page.
 */

/** Pasted nodes sit this far from where they were copied, as the store's own paste does. */
const PASTE_OFFSET = { x: 40, y: 40 };

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
