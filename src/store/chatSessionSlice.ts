import { type ConversationId, memoryId, type RunId } from "../engine/ids";
import type { KeyDestination } from "../engine/provider";
import { asInterrupted, type RunSnapshot } from "../engine/runSnapshot";
import type { ConversationRecord } from "../storage/dbSchema";
import type { ChatTurn } from "./chatTurns";
import { buildTree, latestLeaf } from "./conversationTree";
import { sendBlocker, sendMessage } from "./sendMessage";
import { SETTINGS } from "./settingsKeys";
import type { SliceContext } from "./sliceContext";
import { turnsOf } from "./turnList";

/** The chat of the open flow: its conversations, the one on screen, and the run in progress. */
export interface ChatSessionState {
  /** The open flow's conversations, most recently active first. */
  conversations: ConversationRecord[];
  conversationId: ConversationId | null;
  /** Every run of the open conversation, all branches. */
  runs: RunSnapshot[];
  /** The newest run of the branch on screen; the next message continues it. */
  headRunId: RunId | null;
  /** The branch on screen, as the chat shows it (plus the run in progress). */
  turns: ChatTurn[];
  /** Memories to start empty in the next run (recorded in it; history stays). */
  pendingClears: string[];
  /** Counts clears of flow-scoped memories: views of them read again when it moves. */
  flowMemoryVersion: number;
  /** The run open in the run inspector, and the one it is compared with. */
  inspectedRunId: RunId | null;
  comparedRunId: RunId | null;
  running: AbortController | null;

  /**
   * Why a message cannot be sent right now (storage still opening, a reply still coming, a
   * flow being opened), or null when it can: the composer keeps the message and says why.
   */
  sendBlocker(): string | null;
  /** Sends a message; `parentRunId` continues from an earlier run instead (a new branch). */
  send(text: string, options?: SendOptions): Promise<void>;
  /** Sends an edited version of the message at `turnIndex`: a branch from the run before it. */
  editMessage(turnIndex: number, text: string): Promise<void>;
  /**
   * Asks again for the reply at `turnIndex` (also the Retry after an error); `keyless`: this
   * once, call those servers without the saved key (the user chose so in the chat's error).
   */
  regenerate(turnIndex: number, options?: { keyless?: readonly KeyDestination[] }): Promise<void>;
  /** Shows another alternative at `turnIndex` and continues from the newest message of it. */
  switchBranch(turnIndex: number, runId: RunId): Promise<void>;
  stop(): void;
  newConversation(): void;
  openConversation(id: ConversationId): Promise<void>;
  renameConversation(id: ConversationId, title: string): Promise<void>;
  deleteConversation(id: ConversationId): Promise<void>;
  /** Empties a memory for the next message; earlier runs still show what they received. */
  clearMemory(memoryId: string): void;
  /** Empties a flow-scoped memory at once, for every conversation of the open flow. */
  clearFlowMemory(memoryId: string): Promise<void>;
  /**
   * Takes back a clear the next message has not made yet: the memory keeps exactly the
   * messages it had, since a clear deletes nothing and is only recorded by that run.
   */
  undoClearMemory(memoryId: string): void;
  inspectRun(runId: RunId | null): void;
  compareRun(runId: RunId | null): void;
}

export interface SendOptions {
  /** Continue from an earlier run instead of the head: a new branch. */
  parentRunId?: RunId | null;
  /** Servers to call without the saved key in this run only (not approved for it). */
  keyless?: readonly KeyDestination[];
}

/** No conversation on screen: the next message starts a new one. */
const EMPTY_CHAT = {
  conversationId: null,
  runs: [],
  headRunId: null,
  turns: [],
  pendingClears: [],
  flowMemoryVersion: 0,
  inspectedRunId: null,
  comparedRunId: null,
} satisfies Partial<ChatSessionState>;

/**
 * Puts a conversation (or a new, empty one) on screen with all its branches, and remembers
 * it as the flow's open conversation for the next load. A run stored "running" shows as
 * interrupted: this page is not running it, so a reload or a closed tab cut it short.
 */
export async function showConversation(
  ctx: SliceContext,
  conversation: ConversationRecord | null,
): Promise<void> {
  const stored = conversation ? await ctx.storage().runs.listByConversation(conversation.id) : [];
  const runs = stored.map(asInterrupted);
  const headRunId = conversation?.headRunId ?? null;
  rememberOpenConversation(ctx, conversation?.id ?? null);
  ctx.set({
    ...EMPTY_CHAT,
    conversationId: conversation?.id ?? null,
    runs,
    headRunId,
    turns: turnsOf(runs, headRunId),
  });
}

/** Which conversation a reload reopens in the open flow (null: a new one). */
export function rememberOpenConversation(ctx: SliceContext, id: ConversationId | null): void {
  const flowId = ctx.editor.getState().flowId;
  const storage = ctx.openStorage();
  if (!flowId || !storage) return;
  // Not awaited: the chat does not wait on it, and a failure only loses the reopening.
  void storage.settings.put(SETTINGS.openConversation(flowId), id).catch(() => undefined);
}

/** Reloads the open flow's conversations (titles, order by last activity). */
export async function refreshConversations(ctx: SliceContext): Promise<void> {
  const flowId = ctx.editor.getState().flowId;
  if (flowId) ctx.set({ conversations: await ctx.storage().conversations.listByFlow(flowId) });
}

export function createChatSessionSlice(ctx: SliceContext): ChatSessionState {
  const { set, get } = ctx;
  return {
    conversations: [],
    ...EMPTY_CHAT,
    running: null,

    sendBlocker: () => sendBlocker(ctx),
    send: (text, options = {}) => sendMessage(ctx, text, options),

    editMessage(turnIndex, text) {
      return get().send(text, { parentRunId: get().turns[turnIndex]?.parentRunId ?? null });
    },

    regenerate(turnIndex, options = {}) {
      const turn = get().turns[turnIndex];
      return turn
        ? get().send(turn.input, { parentRunId: turn.parentRunId, ...options })
        : Promise.resolve();
    },

    async switchBranch(turnIndex, runId) {
      const { conversationId, running, turns, runs } = get();
      const storage = ctx.openStorage();
      if (!storage || !conversationId || running || !turns[turnIndex]) return;
      const head = latestLeaf(buildTree(runs), runId);
      await storage.conversations.setHeadRun(conversationId, head);
      set({ headRunId: head, turns: turnsOf(get().runs, head) });
    },

    stop() {
      get().running?.abort();
    },

    newConversation() {
      if (get().running) return;
      set(EMPTY_CHAT);
      rememberOpenConversation(ctx, null);
    },

    async openConversation(id) {
      if (get().running) return;
      await showConversation(ctx, (await ctx.storage().conversations.get(id)) ?? null);
    },

    async renameConversation(id, title) {
      const trimmed = title.trim();
      if (trimmed === "") return;
      await ctx.storage().conversations.rename(id, trimmed);
      await refreshConversations(ctx);
    },

    async deleteConversation(id) {
      if (get().running) return;
      await ctx.storage().conversations.delete(id);
      await refreshConversations(ctx);
      if (get().conversationId === id) get().newConversation();
    },

    clearMemory(id) {
      const { pendingClears } = get();
      if (!pendingClears.includes(id)) set({ pendingClears: [...pendingClears, id] });
    },

    async clearFlowMemory(id) {
      const { flowId } = ctx.editor.getState();
      if (!flowId || get().running) return;
      await ctx.storage().flowMemory.clear(flowId, memoryId(id));
      set({ flowMemoryVersion: get().flowMemoryVersion + 1 });
    },

    undoClearMemory(id) {
      const { pendingClears } = get();
      if (pendingClears.includes(id)) set({ pendingClears: pendingClears.filter((m) => m !== id) });
    },

    inspectRun: (runId) =>
      set({ inspectedRunId: runId, ...(runId === null && { comparedRunId: null }) }),
    compareRun: (runId) => set({ comparedRunId: runId }),
  };
}
