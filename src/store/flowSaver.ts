import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import type { FlowRecord } from "../storage/dbSchema";
import { RevisionConflictError } from "../storage/storageErrors";
import type { StudioStorage } from "../storage/studioStorage";
import type { FlowState, FlowStoreApi } from "./flowStore";

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
  /**
   * Before a run: saves the open flow only if it was edited since it was loaded or saved, and
   * gives the revision the run builds on (null: a conflict). Chatting is not a flow edit: a
   * message over an unedited flow writes nothing to it and never moves its revision.
   */
  saveOpenFlowIfEdited(): Promise<number | null>;
  /** `flow` is what is stored for `flowId` (loaded or saved here, by whichever path). */
  isSaved(flowId: FlowId, flow: Flow): boolean;
}

/**
 * `open()` puts a stored flow and its revision in the editor together; an edit changes the
 * flow alone and a save the revision alone. So both at once is a load: nothing to save.
 */
export const isLoad = (
  state: Pick<FlowState, "flowId" | "flow" | "revision">,
  previous: Pick<FlowState, "flowId" | "flow" | "revision">,
) =>
  state.flowId !== previous.flowId ||
  (state.flow !== previous.flow && state.revision !== previous.revision);

export function createFlowSaver(
  storage: Pick<StudioStorage, "flows">,
  editor: FlowStoreApi,
  /** Instead of the editor's notice: another tab saved this flow since it was loaded. */
  onConflict?: (flowId: FlowId, flow: Flow) => void,
): FlowSaver {
  // One save at a time: each builds on the revision the one before it wrote, so the editor's
  // own saves (autosave, a rename, a run) never look like a conflict with each other.
  let queue: Promise<unknown> = Promise.resolve();
  /** Each flow as stored, as far as this tab knows: loaded into the editor, or saved from it. */
  const stored = new Map<FlowId, Flow>();
  const remember = ({ flowId, flow }: Pick<FlowState, "flowId" | "flow">) => {
    if (flowId && flow) stored.set(flowId, flow);
  };
  remember(editor.getState());
  editor.subscribe((state, previous) => {
    if (isLoad(state, previous)) remember(state);
  });

  const saveFlow = (flowId: FlowId, flow: Flow): Promise<FlowRecord | null> => {
    const expected = editor.getState().flowId === flowId ? editor.getState().revision : undefined;
    const next = queue.then(async () => {
      // Read when this save's turn comes: the save before it may have moved the revision on.
      const open = editor.getState();
      const revision = open.flowId === flowId ? open.revision : expected;
      try {
        const record = await storage.flows.save(flowId, flow, revision);
        stored.set(flowId, flow);
        if (editor.getState().flowId === flowId) editor.setState({ revision: record.revision });
        return record;
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
        if (onConflict) onConflict(flowId, flow);
        else if (editor.getState().flowId === flowId) editor.setState({ notice: CONFLICT_NOTICE });
        return null;
      }
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    saveFlow,
    isSaved: (flowId, flow) => stored.get(flowId) === flow,
    saveOpenFlow() {
      const { flowId, flow } = editor.getState();
      return flowId && flow ? saveFlow(flowId, flow) : Promise.resolve(null);
    },
    async saveOpenFlowIfEdited() {
      // Saves already queued (the autosave's) may still move the revision: wait for them.
      await queue;
      const { flowId, flow, revision } = editor.getState();
      if (!flowId || !flow) return null;
      if (stored.get(flowId) === flow) return revision;
      return (await saveFlow(flowId, flow))?.revision ?? null;
    },
  };
}
