import { type FlowId, newId } from "../engine/ids";
import type { BackupData } from "../storage/backupData";
import type { RestoreOutcome } from "../storage/backupRepository";
import type { BackupState } from "./backupSlice";
import { showFlow } from "./flowLibrarySlice";
import { SETTINGS } from "./settingsKeys";
import { asTheme } from "./settingsValues";
import type { SliceContext } from "./sliceContext";

/** The backup slice's code (backupSlice.ts), loaded on the first backup, restore or import. */
export function backupActions(ctx: SliceContext): BackupState {
  const repository = async () => {
    const { BackupRepository } = await import("../storage/backupRepository");
    return new BackupRepository(ctx.storage().db, {
      theme: SETTINGS.theme,
      viewport: SETTINGS.viewport,
    });
  };

  /** Restores, then shows the result: the flow list, the theme if it was set, a flow opened. */
  const restoreAndOpen = async (data: BackupData): Promise<RestoreOutcome | null> => {
    if (ctx.get().running) return null;
    const outcome = await (await repository()).restore(data);
    // The other tabs of the app list the restored flows too (ids only: "Several tabs").
    ctx.browser.tabs?.postMessage({ type: "flows-changed" });
    await ctx.get().refreshFlows();
    const theme = outcome.themeRestored ? asTheme(data.settings.theme) : undefined;
    if (theme) await ctx.get().setTheme(theme);
    // The most recently saved of the restored flows: where the user was when backing up.
    let newest: FlowId | null = null;
    let newestAt = Number.NEGATIVE_INFINITY;
    for (const [i, flow] of outcome.flows.entries()) {
      const updatedAt = data.flows[i]?.updatedAt ?? 0;
      if (updatedAt > newestAt) [newest, newestAt] = [flow.id, updatedAt];
    }
    const record = newest ? await ctx.storage().flows.get(newest) : undefined;
    if (record) await showFlow(ctx, record);
    return outcome;
  };

  return {
    async backupData() {
      const data = await (await repository()).readAll();
      // Edits the autosave has not written yet (it waits a moment) belong in the backup too.
      const { flowId, flow } = ctx.editor.getState();
      return {
        ...data,
        flows: data.flows.map((record) =>
          record.id === flowId && flow ? { ...record, flow } : record,
        ),
      };
    },

    previewRestore: async (data) => (await repository()).planRestore(data),

    restoreBackup: (data) => restoreAndOpen(data),

    async importFlowWithConversations(flow, records) {
      // A fresh id the restore keeps; the flow's name still gets a number where taken.
      const id = newId<"FlowId">();
      const now = ctx.clock();
      const outcome = await restoreAndOpen({
        flows: [{ id, revision: 1, createdAt: now, updatedAt: now, flow: structuredClone(flow) }],
        conversations: records.conversations.map((c) => ({ ...c, flowId: id })),
        runs: records.runs.map((r) => ({ ...r, flowId: id })),
        memoryMessages: records.memoryMessages,
        settings: {},
      });
      return outcome?.flows[0]?.id ?? null;
    },
  };
}
