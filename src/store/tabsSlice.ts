import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import { clearJournal } from "./editJournal";
import { createFlowRecord, showFlow } from "./flowLibrarySlice";
import { SETTINGS } from "./settingsKeys";
import { asViewport } from "./settingsValues";
import type { SliceContext } from "./sliceContext";

/** What this tab shows of the app's other tabs (docs/architecture.md, "Several tabs"). */
export interface TabsState {
  /**
   * This tab's edits to the open flow meet a newer version another tab saved: nothing is saved
   * over it until the user chooses (takeTheirFlow or keepMyFlowAsCopy).
   */
  flowConflict: { flowId: FlowId; name: string } | null;
  /** The message sent waits for another tab's reply in the same conversation. */
  waitingForTab: boolean;
  /** Something another tab changed about this tab's work (a message that became a branch). */
  tabNotice: string | null;
  /** Drops this tab's edits and opens the version the other tab saved. */
  takeTheirFlow(): Promise<void>;
  /** Saves this tab's version as a new flow (and opens it); the other tab's stays as saved. */
  keepMyFlowAsCopy(): Promise<FlowId | null>;
  dismissTabNotice(): void;
}

/**
 * A save refused because another tab saved the flow meanwhile. The open flow: the user
 * chooses. A flow already left (its last edits saved on the way out): kept as a copy at once,
 * since there is no editor to choose in, and said.
 */
export function onFlowConflict(ctx: SliceContext, flowId: FlowId, flow: Flow): void {
  if (ctx.editor.getState().flowId === flowId) {
    ctx.set({ flowConflict: { flowId, name: flow.name } });
    return;
  }
  const copy = structuredClone({ ...flow, name: `${flow.name} (my copy)` });
  void createFlowRecord(ctx, copy).then(
    (record) =>
      ctx.set({
        tabNotice: `Another tab saved "${flow.name}" while you edited it here: your version was kept as "${record.flow.name}".`,
      }),
    () => undefined,
  );
}

export function createTabsSlice(ctx: SliceContext): TabsState {
  const { get, set, editor } = ctx;

  /** Loads the stored version of the conflicting flow into the editor, dropping this tab's. */
  const loadTheirs = async (flowId: FlowId): Promise<boolean> => {
    const storage = ctx.storage();
    const record = await storage.flows.get(flowId);
    clearJournal(ctx.browser.localStorage, flowId);
    if (!record || editor.getState().flowId !== flowId) return false;
    const viewport =
      editor.getState().viewport ??
      asViewport(await storage.settings.get(SETTINGS.viewport(flowId)));
    editor.getState().open(record.id, record.flow, viewport ?? null, record.revision);
    return true;
  };

  return {
    flowConflict: null,
    waitingForTab: false,
    tabNotice: null,

    async takeTheirFlow() {
      const conflict = get().flowConflict;
      if (!conflict) return;
      await loadTheirs(conflict.flowId);
      set({ flowConflict: null });
      await get().refreshFlows();
    },

    async keepMyFlowAsCopy() {
      const conflict = get().flowConflict;
      const mine = editor.getState().flow;
      if (!conflict || !mine || editor.getState().flowId !== conflict.flowId) {
        set({ flowConflict: null });
        return null;
      }
      // Theirs into the editor first: the flow left behind then has nothing of mine to save.
      await loadTheirs(conflict.flowId);
      const copy = await createFlowRecord(
        ctx,
        structuredClone({ ...mine, name: `${mine.name} (my copy)` }),
      );
      set({ flowConflict: null });
      // A reply still coming stays in the flow it runs in; the copy is in the Flows menu.
      if (!get().running) await showFlow(ctx, copy);
      return copy.id;
    },

    dismissTabNotice: () => set({ tabNotice: null }),
  };
}
