import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import type { FlowRecord } from "../storage/dbSchema";
import { RevisionConflictError } from "../storage/storageErrors";
import type { StudioStorage } from "../storage/studioStorage";
import { useFlowStore } from "./flowStore";

export const CONFLICT_NOTICE =
  "This flow was saved in another tab meanwhile, so this change was not saved over it. Reload the page to continue from the other tab's version.";

// One save at a time: each builds on the revision the one before it wrote, so the editor's
// own saves (autosave, a rename, a run) never look like a conflict with each other.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Saves the open flow, refusing to overwrite a newer revision saved elsewhere (another tab):
 * then nothing is written, the editor says why, and null is returned.
 */
export function saveOpenFlow(storage: StudioStorage): Promise<FlowRecord | null> {
  const { flowId, flow } = useFlowStore.getState();
  return flowId && flow ? saveFlow(storage, flowId, flow) : Promise.resolve(null);
}

/** Saves `flow` as the next revision of `flowId` (the open flow, or the one just left). */
export function saveFlow(
  storage: StudioStorage,
  flowId: FlowId,
  flow: Flow,
): Promise<FlowRecord | null> {
  const expected =
    useFlowStore.getState().flowId === flowId ? useFlowStore.getState().revision : undefined;
  const next = queue.then(async () => {
    // Read when this save's turn comes: the save before it may have moved the revision on.
    const editor = useFlowStore.getState();
    const revision = editor.flowId === flowId ? editor.revision : expected;
    try {
      const record = await storage.flows.save(flowId, flow, revision);
      if (useFlowStore.getState().flowId === flowId)
        useFlowStore.setState({ revision: record.revision });
      return record;
    } catch (error) {
      if (!(error instanceof RevisionConflictError)) throw error;
      if (useFlowStore.getState().flowId === flowId)
        useFlowStore.setState({ notice: CONFLICT_NOTICE });
      return null;
    }
  });
  queue = next.catch(() => undefined);
  return next;
}
