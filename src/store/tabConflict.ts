import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import { clearJournal } from "./editJournal";
import { createFlowRecord, showFlow } from "./flowLibrarySlice";
import { SETTINGS } from "./settingsKeys";
import { asViewport } from "./settingsValues";
import type { SliceContext } from "./sliceContext";
import { keepSelection } from "./tabSync";

/*
 * The two ways out of a flow conflict (tabsSlice.ts): this tab's edits meet a newer version
 * another tab saved. Loaded when the user chooses.
 */

/** Loads the stored version of the conflicting flow into the editor, dropping this tab's. */
async function loadTheirs(ctx: SliceContext, flowId: FlowId): Promise<void> {
  const { editor } = ctx;
  const storage = ctx.storage();
  const record = await storage.flows.get(flowId);
  clearJournal(ctx.browser.localStorage, flowId);
  if (!record || editor.getState().flowId !== flowId) return;
  const viewport =
    editor.getState().viewport ?? asViewport(await storage.settings.get(SETTINGS.viewport(flowId)));
  const selection = editor.getState().selection;
  editor.getState().open(record.id, record.flow, viewport ?? null, record.revision);
  keepSelection(editor, selection);
}

export async function takeTheirFlow(ctx: SliceContext): Promise<void> {
  const conflict = ctx.get().flowConflict;
  if (!conflict) return;
  await loadTheirs(ctx, conflict.flowId);
  ctx.set({ flowConflict: null });
  await ctx.get().refreshFlows();
}

export async function keepMyFlowAsCopy(ctx: SliceContext): Promise<FlowId | null> {
  const { editor } = ctx;
  const conflict = ctx.get().flowConflict;
  const mine = editor.getState().flow;
  if (!conflict || !mine || editor.getState().flowId !== conflict.flowId) {
    ctx.set({ flowConflict: null });
    return null;
  }
  // Theirs into the editor first: the flow left behind then has nothing of mine to save.
  await loadTheirs(ctx, conflict.flowId);
  const copy = await createFlowRecord(
    ctx,
    structuredClone({ ...mine, name: `${mine.name} (my copy)` }),
  );
  ctx.set({ flowConflict: null });
  // A reply still coming stays in the flow it runs in; the copy is in the Flows menu.
  if (!ctx.get().running) await showFlow(ctx, copy);
  return copy.id;
}

/** A flow already left meets a conflict: there is no editor to choose in, so it is kept as a copy, and said. */
export async function keepLeftFlow(ctx: SliceContext, flow: Flow): Promise<void> {
  const record = await createFlowRecord(
    ctx,
    structuredClone({ ...flow, name: `${flow.name} (my copy)` }),
  );
  // Said near the canvas, like the editor's other notices about a flow.
  ctx.editor
    .getState()
    .showNotice(
      `Another tab saved "${flow.name}" while you edited it here: your version was kept as "${record.flow.name}".`,
    );
}
