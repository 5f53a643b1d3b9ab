import type { ConversationId, FlowId, NodeId, RunId } from "../engine/ids";
import { asInterrupted, type RunSnapshot } from "../engine/runSnapshot";
import type { TabMessage } from "./browserServices";
import { asCallTimeouts } from "./callSettingsSlice";
import { refreshConversations } from "./chatSessionSlice";
import { buildTree, pathTo } from "./conversationTree";
import { loadCredentials } from "./credentialActions";
import { apiKeysOf, withKeys, withoutKeys } from "./credentialRecords";
import { anyFlow, showFlow } from "./flowLibrarySlice";
import type { FlowSaver } from "./flowSaver";
import type { FlowStoreApi } from "./flowStore";
import { SETTINGS } from "./settingsKeys";
import { asTheme } from "./settingsValues";
import type { SliceContext } from "./sliceContext";
import type { TabChannel } from "./tabChannel";
import { turnsOf } from "./turnList";

/**
 * Keeps this tab in step with the app's other tabs: each message names what another tab
 * wrote, and this tab reads it again from IndexedDB. Messages are handled one at a time, in
 * the order they came. Returns the stop.
 */
export function startTabSync(ctx: SliceContext, tabs: TabChannel, saver: FlowSaver): () => void {
  /** Runs another tab is running now (they announced a start or a draft, not yet the end). */
  const live = new Set<RunId>();
  let queue: Promise<void> = Promise.resolve();
  const stop = tabs.listen((message) => {
    queue = queue
      .then(() => apply(ctx, saver, live, message))
      // One failed read must not stop the next message; the next load reads it all anyway.
      .catch(() => undefined);
  });
  return stop;
}

async function apply(
  ctx: SliceContext,
  saver: FlowSaver,
  live: Set<RunId>,
  message: TabMessage,
): Promise<void> {
  const { get, set } = ctx;
  const storage = ctx.storage();
  switch (message.type) {
    case "flow-saved":
      await get().refreshFlows();
      await takeSavedFlow(ctx, saver, message.flowId as FlowId, message.revision);
      return;
    case "flow-deleted":
      await get().refreshFlows();
      // The open flow went with its chats: land on another, as a delete here would.
      if (
        ctx.editor.getState().flowId === message.flowId &&
        !get().running &&
        !edited(ctx, saver)
      ) {
        await showFlow(ctx, await anyFlow(ctx));
      }
      return;
    case "flows-changed":
      await get().refreshFlows();
      await refreshConversations(ctx);
      return;
    case "conversations-changed":
      await refreshConversations(ctx);
      await reloadOpenConversation(ctx, live);
      return;
    case "run-changed": {
      const id = message.runId as RunId;
      const known = live.has(id);
      if (message.running) live.add(id);
      else live.delete(id);
      // The list's order and titles change when a run starts or ends, not with each draft.
      if (!known || !message.running) await refreshConversations(ctx);
      if (get().conversationId === message.conversationId) {
        await reloadRun(ctx, live, message.conversationId as ConversationId, id);
      }
      return;
    }
    case "settings-changed": {
      const fresh = await loadCredentials(storage.settings, ctx.browser.sessionStorage);
      const { keyStorage, keysLocked, credentials } = get();
      // Unlocked here with the passphrase: keep the keys this tab opened, take the rest.
      const unlockedHere =
        keyStorage === "passphrase" && fresh.keyStorage === "passphrase" && !keysLocked;
      set({
        ...(unlockedHere
          ? { credentials: withKeys(withoutKeys(fresh.credentials), apiKeysOf(credentials)) }
          : fresh),
        callTimeouts: asCallTimeouts(await storage.settings.get(SETTINGS.callTimeouts)),
      });
      return;
    }
    case "memory-edited":
      // Read again by every memory view (the Memory tab, the Next call preview).
      set({
        memoryEditCount: get().memoryEditCount + 1,
        flowMemoryVersion: get().flowMemoryVersion + 1,
      });
      return;
    case "theme-changed": {
      const theme = asTheme(await storage.settings.get(SETTINGS.theme));
      if (theme) set({ theme });
      return;
    }
  }
}

/**
 * Another tab saved a flow. The open one is reloaded with that version, unless this tab has
 * edits of its own to it: then the user chooses which to keep (tabsSlice.ts).
 */
async function takeSavedFlow(
  ctx: SliceContext,
  saver: FlowSaver,
  flowId: FlowId,
  revision: number,
): Promise<void> {
  const editor = ctx.editor;
  if (editor.getState().flowId !== flowId || revision <= editor.getState().revision) return;
  const record = await ctx.storage().flows.get(flowId);
  const open = editor.getState();
  if (!record || open.flowId !== flowId || record.revision <= open.revision) return;
  if (edited(ctx, saver)) {
    ctx.set({ flowConflict: { flowId, name: open.flow?.name ?? record.flow.name } });
    return;
  }
  open.open(flowId, record.flow, open.viewport, record.revision);
  keepSelection(editor, open.selection);
}

/** After another version was loaded, the same nodes stay selected where they still exist. */
export function keepSelection(editor: FlowStoreApi, selection: readonly NodeId[]): void {
  const nodes = editor.getState().flow?.nodes ?? [];
  const kept = selection.filter((id) => nodes.some((n) => n.id === id));
  if (kept.length > 0) editor.getState().select(kept);
}

/** The chat shows a run another tab runs as running, not as interrupted (it is not cut short). */
const asShown = (live: ReadonlySet<RunId>) => (run: RunSnapshot) =>
  live.has(run.id) ? run : asInterrupted(run);

/**
 * The open conversation as stored, on its stored branch (another tab may have moved its head).
 * A reply coming in this tab owns the screen: it is left alone (it reads the conversation
 * again itself before it starts).
 */
async function reloadOpenConversation(ctx: SliceContext, live: ReadonlySet<RunId>): Promise<void> {
  const id = ctx.get().conversationId;
  if (!id || ctx.get().running) return;
  const storage = ctx.storage();
  const conversation = await storage.conversations.get(id);
  if (ctx.get().conversationId !== id || ctx.get().running) return;
  if (!conversation) {
    // Deleted in the other tab: this one starts a new conversation, as after a delete here.
    ctx.get().newConversation();
    return;
  }
  const runs = (await storage.runs.listByConversation(id)).map(asShown(live));
  const now = ctx.get();
  if (now.conversationId !== id || now.running) return;
  // The other tab's new message continues the branch on screen: it shows. On another branch
  // (an edit there), this tab stays where it was; the new alternative is one click away.
  const stored = conversation.headRunId;
  const follows =
    now.headRunId === null ||
    !runs.some((run) => run.id === now.headRunId) ||
    pathTo(buildTree(runs), stored).some((run) => run.id === now.headRunId);
  const head = follows ? stored : now.headRunId;
  ctx.set({ runs, headRunId: head, turns: turnsOf(runs, head) });
}

/** One run of the open conversation changed: read that run alone (a draft comes every 500 ms). */
async function reloadRun(
  ctx: SliceContext,
  live: ReadonlySet<RunId>,
  conversationId: ConversationId,
  runId: RunId,
): Promise<void> {
  const { runs, running } = ctx.get();
  if (running) return;
  if (!runs.some((r) => r.id === runId)) {
    await reloadOpenConversation(ctx, live);
    return;
  }
  const stored = await ctx.storage().runs.get(runId);
  const now = ctx.get();
  if (!stored || now.conversationId !== conversationId || now.running) return;
  const next = now.runs.map((r) => (r.id === runId ? asShown(live)(stored) : r));
  ctx.set({ runs: next, turns: turnsOf(next, now.headRunId) });
}

/** The open flow has edits of this tab not yet saved (or refused: a conflict). */
function edited(ctx: SliceContext, saver: FlowSaver): boolean {
  const { flowId, flow } = ctx.editor.getState();
  return !!flowId && !!flow && !saver.isSaved(flowId, flow);
}
