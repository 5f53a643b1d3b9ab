import type { ConversationId, RunId } from "../engine/ids";
import { asInterrupted } from "../engine/runSnapshot";
import type { LockManagerLike } from "./browserServices";
import type { SendOptions } from "./chatSessionSlice";
import { buildTree, pathTo } from "./conversationTree";
import type { SliceContext } from "./sliceContext";
import { pendingTurn, turnsOf } from "./turnList";

/*
 * A message in a conversation other tabs may be running in too: loaded with the run's code
 * (runCode.ts), not with the first page.
 */

/**
 * Runs `task` holding the conversation's lock, shared with the app's other tabs (Web Locks):
 * runs in one conversation go one at a time, so two tabs never interleave their messages or
 * race their memory writes. While another tab's reply is coming, the turn says so. Where the
 * browser has no Web Locks, the run goes unlocked (as before tabs knew of each other).
 */
export function inConversation(
  ctx: SliceContext,
  conversationId: ConversationId,
  signal: AbortSignal,
  task: () => Promise<void>,
): Promise<void> {
  const locks = ctx.browser.locks;
  if (!locks) return task();
  let started = false;
  return withLock(
    locks,
    `conversation:${conversationId}`,
    async () => {
      started = true;
      ctx.set({ waitingForTab: false });
      await task();
    },
    { signal, onWait: () => ctx.set({ waitingForTab: true }) },
  ).catch((error: unknown) => {
    // Stop while waiting: nothing was stored or sent for this message.
    if (!started && signal.aborted) throw new TabConflictError(STOPPED_WAITING);
    throw error;
  });
}

/**
 * Runs `task` holding the lock `name` (no other tab holds it meanwhile). When another tab
 * holds it, `onWait` is called first, then the task runs once that tab lets go. An abort of
 * `signal` while waiting rejects (an AbortError) and `task` never runs.
 */
async function withLock(
  locks: LockManagerLike,
  name: string,
  task: () => Promise<void>,
  { signal, onWait }: { signal: AbortSignal; onWait(): void },
): Promise<void> {
  // First without waiting: only a lock another tab holds is worth a word on screen.
  const ran = await locks.request(name, { ifAvailable: true }, async (lock) => {
    if (lock) await task();
    return lock !== null;
  });
  if (ran) return;
  onWait();
  await locks.request(name, { signal }, task);
}

const STOPPED_WAITING =
  "Stopped before it was sent (another tab's reply was still coming). Retry sends it.";

/**
 * The run a message continues, read again once this tab may run in the conversation: another
 * tab may have added to it meanwhile (this message waited for that reply). A plain message
 * continues from the conversation's newest run when that run follows the branch the message
 * was sent on (its memory then holds the other tab's exchange too). When the other tab moved
 * the conversation to another branch, the message keeps its place, starts a branch of its
 * own, and says so. An edit or a regeneration (`chosen`) keeps the point the user chose.
 */
export async function parentAfterOtherTabs(
  ctx: SliceContext,
  conversationId: ConversationId,
  text: string,
  parentRunId: RunId | null,
  options: SendOptions,
): Promise<RunId | null> {
  const storage = ctx.storage();
  const conversation = await storage.conversations.get(conversationId);
  if (!conversation) throw new TabConflictError(CONVERSATION_GONE);
  const head = conversation.headRunId;
  // Nothing new, unless the screen showed another tab's run still coming (now it has ended).
  const stale = ctx.get().runs.some((run) => run.status === "running");
  if (head === parentRunId && !stale) return parentRunId;
  const runs = (await storage.runs.listByConversation(conversationId)).map(asInterrupted);
  const chosen = options.parentRunId !== undefined;
  const onBranch = pathTo(buildTree(runs), head).some((run) => run.id === parentRunId);
  const parent = chosen || !onBranch ? parentRunId : head;
  ctx.set({
    runs,
    headRunId: head,
    turns: [...turnsOf(runs, parent), pendingTurn(text, parent)],
    ...(!chosen && !onBranch && { tabNotice: BRANCHED_NOTICE }),
  });
  return parent;
}

/** Another tab changed what this message needed: said as it is, with what to do. */
export class TabConflictError extends Error {
  override name = "TabConflictError";
}

export const BRANCHED_NOTICE =
  "Another tab moved this conversation to a different branch while your message waited, so your message started a new branch from where you sent it.";
const CONVERSATION_GONE =
  "This conversation was deleted in another tab, so the message was not sent. Start a new conversation to send it.";
export const FLOW_CONFLICT_TURN =
  "This flow was changed in another tab while you edited it here, so nothing was sent. Choose which version to keep, then retry.";
