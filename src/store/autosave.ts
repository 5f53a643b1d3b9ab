import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import type { BrowserServices } from "./browserServices";
import { clearJournal, hasJournal, writeJournal } from "./editJournal";
import { type FlowSaver, isLoad } from "./flowSaver";
import type { FlowStoreApi } from "./flowStore";
import { SETTINGS } from "./settingsKeys";

/** Long enough to batch a burst of typing or a drag, short enough that a crash loses little. */
export const SAVE_DELAY_MS = 400;

export interface AutosaveDeps {
  editor: FlowStoreApi;
  saver: FlowSaver;
  settings: { put(key: string, value: unknown): Promise<void> };
  browser: Pick<BrowserServices, "onPageHide" | "localStorage">;
  /** After each flow save that went through (the flow list shows the new time). */
  onSaved(): void;
}

/**
 * Saves the open flow to IndexedDB as the user edits (debounced), and at once when the page
 * is hidden or closed, so a reload reopens it exactly as it was, viewport included. Every
 * edit is also journaled synchronously (editJournal.ts) until it is saved, so a reload right
 * after a keystroke, before any IndexedDB write could land, still has it. Returns the stop,
 * which saves what is pending and resolves when those writes are done.
 */
export function startAutosave({
  editor,
  saver,
  settings,
  browser,
  onSaved,
}: AutosaveDeps): () => Promise<void> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let savedFlow = editor.getState().flow;
  let savedViewport = editor.getState().viewport;
  /** The writes started and not yet done, so stopping can wait for them. */
  const pending = new Set<Promise<unknown>>();
  const track = (write: Promise<unknown>) => {
    const done = write.catch(() => undefined).finally(() => pending.delete(done));
    pending.add(done);
  };

  const cancelTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const journal = browser.localStorage;
  const save = (flowId: FlowId, flow: Flow) => {
    savedFlow = flow;
    const write = saver.saveFlow(flowId, flow).then((record) => {
      if (!record) return;
      // The journal goes once it holds nothing newer than what was just saved.
      const open = editor.getState();
      if (open.flowId !== flowId || open.flow === flow) clearJournal(journal, flowId);
      onSaved();
    });
    track(write);
  };
  const flush = () => {
    cancelTimer();
    const { flowId, flow, viewport } = editor.getState();
    if (!flowId || !flow) return;
    if (flow !== savedFlow) save(flowId, flow);
    if (viewport && viewport !== savedViewport) {
      savedViewport = viewport;
      track(settings.put(SETTINGS.viewport(flowId), viewport));
    }
  };

  const unsubscribe = editor.subscribe((state, previous) => {
    if (state.flowId !== previous.flowId) {
      // Another flow was opened: finish saving the one left, then start from what was loaded.
      cancelTimer();
      // Unless it was saved by another path (a rename saves at once): a deleted flow stays so.
      if (
        previous.flowId &&
        previous.flow &&
        previous.flow !== savedFlow &&
        !saver.isSaved(previous.flowId, previous.flow)
      )
        save(previous.flowId, previous.flow);
      savedFlow = state.flow;
      savedViewport = state.viewport;
      return;
    }
    if (isLoad(state, previous)) {
      // A newer stored revision was loaded (another tab's save): it is saved already.
      cancelTimer();
      savedFlow = state.flow;
      return;
    }
    if (state.flowId && state.flow) {
      // On the edit itself, synchronously; again when a save moves the revision it builds on.
      const edited = state.flow !== previous.flow;
      const rebased = state.revision !== previous.revision && hasJournal(journal, state.flowId);
      if (edited || rebased) {
        writeJournal(journal, {
          flowId: state.flowId,
          baseRevision: state.revision,
          flow: state.flow,
        });
      }
    }
    if (state.flow === previous.flow && state.viewport === previous.viewport) return;
    cancelTimer();
    timer = setTimeout(flush, SAVE_DELAY_MS);
  });
  const stopListening = browser.onPageHide(flush);
  return async () => {
    flush();
    unsubscribe();
    stopListening();
    await Promise.all(pending);
  };
}
