import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import type { StudioStorage } from "../storage/studioStorage";
import { saveFlow } from "./flowSaver";
import { useFlowStore } from "./flowStore";
import { SETTINGS } from "./settingsKeys";

/** Long enough to batch a burst of typing or a drag, short enough that a crash loses little. */
const SAVE_DELAY_MS = 400;

/**
 * Saves the open flow to IndexedDB as the user edits (debounced), and at once when the page
 * is hidden or closed, so a reload reopens it exactly as it was, viewport included.
 */
export function startAutosave(storage: StudioStorage, onSaved: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let savedFlow = useFlowStore.getState().flow;
  let savedViewport = useFlowStore.getState().viewport;

  const save = (flowId: FlowId, flow: Flow) => {
    savedFlow = flow;
    void saveFlow(storage, flowId, flow).then((record) => record && onSaved());
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const { flowId, flow, viewport } = useFlowStore.getState();
    if (!flowId || !flow) return;
    if (flow !== savedFlow) save(flowId, flow);
    if (viewport && viewport !== savedViewport) {
      savedViewport = viewport;
      void storage.settings.put(SETTINGS.viewport(flowId), viewport);
    }
  };

  const unsubscribe = useFlowStore.subscribe((state, previous) => {
    if (state.flowId !== previous.flowId) {
      // Another flow was opened: finish saving the one left, then start from what was loaded.
      if (timer) clearTimeout(timer);
      timer = null;
      if (previous.flowId && previous.flow && previous.flow !== savedFlow)
        save(previous.flowId, previous.flow);
      savedFlow = state.flow;
      savedViewport = state.viewport;
      return;
    }
    if (state.flow === previous.flow && state.viewport === previous.viewport) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  });
  const onHide = () => {
    if (document.visibilityState === "hidden") flush();
  };
  document.addEventListener("visibilitychange", onHide);
  window.addEventListener("pagehide", flush);
  return () => {
    flush();
    unsubscribe();
    document.removeEventListener("visibilitychange", onHide);
    window.removeEventListener("pagehide", flush);
  };
}
