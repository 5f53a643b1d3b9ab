import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import type { FlowRecord } from "../storage/dbSchema";
import { RevisionConflictError } from "../storage/storageErrors";
import type { StudioStorage } from "../storage/studioStorage";
import type { FlowStoreApi } from "./flowStore";

export const CONFLICT_NOTICE =
  "This flow was saved in another tab meanwhile, so this change was not saved over it. Reload the page to continue from the other tab's version.";

/** Saves flows of one editor, one at a time. */
export interface FlowSaver {
  /**
   * Saves the open flow, refusing to overwrite a newer revision saved elsewhere (another tab):
   * then nothing is written, the editor says why, and null is returned.
   */
  saveOpenFlow(): Promise<FlowRecord | null>;
  /** Saves `flow` as the next revision of `flowId` (the open flow, or the one just left). */
  saveFlow(flowId: FlowId, flow: Flow): Promise<FlowRecord | null>;
}

export function createFlowSaver(
  storage: Pick<StudioStorage, "flows">,
  editor: FlowStoreApi,
): FlowSaver {
  // One save at a time: each builds on the revision the one before it wrote, so the editor's
  // own saves (autosave, a rename, a run) never look like a conflict with each other.
  let queue: Promise<unknown> = Promise.resolve();

  const saveFlow = (flowId: FlowId, flow: Flow): Promise<FlowRecord | null> => {
    const expected = editor.getState().flowId === flowId ? editor.getState().revision : undefined;
    const next = queue.then(async () => {
      // Read when this save's turn comes: the save before it may have moved the revision on.
      const open = editor.getState();
      const revision = open.flowId === flowId ? open.revision : expected;
      try {
        const record = await storage.flows.save(flowId, flow, revision);
        if (editor.getState().flowId === flowId) editor.setState({ revision: record.revision });
        return record;
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
        if (editor.getState().flowId === flowId) editor.setState({ notice: CONFLICT_NOTICE });
        return null;
      }
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    saveFlow,
    saveOpenFlow() {
      const { flowId, flow } = editor.getState();
      return flowId && flow ? saveFlow(flowId, flow) : Promise.resolve(null);
    },
  };
}
