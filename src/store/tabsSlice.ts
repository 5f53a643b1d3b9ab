import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
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
/** The choices' code loads when a conflict is resolved, not with the first page. */
const choices = () => import("./tabConflict");

export function onFlowConflict(ctx: SliceContext, flowId: FlowId, flow: Flow): void {
  if (ctx.editor.getState().flowId === flowId) {
    ctx.set({ flowConflict: { flowId, name: flow.name } });
    return;
  }
  void choices().then((m) => m.keepLeftFlow(ctx, flow));
}

export function createTabsSlice(ctx: SliceContext): TabsState {
  return {
    flowConflict: null,
    waitingForTab: false,
    tabNotice: null,
    takeTheirFlow: async () => (await choices()).takeTheirFlow(ctx),
    keepMyFlowAsCopy: async () => (await choices()).keepMyFlowAsCopy(ctx),
    dismissTabNotice: () => ctx.set({ tabNotice: null }),
  };
}
