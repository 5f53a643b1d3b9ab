import type { SendOptions } from "./chatSessionSlice";
import { messageOf, type SliceContext } from "./sliceContext";
import { failLastTurn, pendingTurn, turnsOf } from "./turnList";

/** The run's code (runCode.ts): loaded on the first message, not with the first page. */
export const loadRunCode = () => import("./runCode");

/**
 * Why a message cannot start now, in a user's words, or null when it can. Checked
 * synchronously by the composer before it lets go of the message, and again by the send
 * itself, so a message is either run or kept in the box with this reason: never dropped.
 */
export function sendBlocker(ctx: SliceContext): string | null {
  const state = ctx.get();
  if (!ctx.openStorage() || state.status !== "ready") {
    return "Your flows are still opening: the message is kept, send it in a moment.";
  }
  if (state.writeBlocked) return state.writeBlocked;
  if (state.openingFlow) return "A flow is opening: the message is kept, send it in a moment.";
  if (state.running) return "A reply is still coming: wait for it, or press Stop.";
  if (!ctx.editor.getState().flow) return "No flow is open: open one from the Flows menu.";
  return null;
}

/**
 * Sends one chat message through the open flow: saves pending edits (the run records the
 * revision it ran), runs the flow, and applies each run event to the chat on screen. The
 * engine's saver stores the message as a running run before any call (creating the
 * conversation with it on its first message), the streamed text as a draft, and the final
 * run with its memory messages and the conversation's new head. What happens after the
 * message is on screen is runMessage.ts, in the run's chunk.
 */
export async function sendMessage(
  ctx: SliceContext,
  text: string,
  options: SendOptions,
): Promise<void> {
  const { set, get } = ctx;
  const storage = ctx.openStorage();
  const { flow, flowId } = ctx.editor.getState();
  if (sendBlocker(ctx) || !storage || !flow || !flowId || text.trim() === "") return;
  const parentRunId = options.parentRunId === undefined ? get().headRunId : options.parentRunId;
  const controller = new AbortController();
  const retryWait = new AbortController();
  // On screen: the branch up to the parent, then the message in progress.
  set({
    running: controller,
    retryWait,
    turns: [...turnsOf(get().runs, parentRunId), pendingTurn(text, parentRunId)],
  });

  // Pending edits are saved from now (a message alone never moves the flow's revision), while
  // the run's code loads; runMessage waits for the save. Handled there: not left unhandled here.
  const saved = ctx.flowSaver().saveOpenFlowIfEdited();
  saved.catch(() => {});
  try {
    const code = await loadRunCode();
    await code.runMessage(ctx, {
      text,
      options,
      storage,
      flow,
      flowId,
      parentRunId,
      controller,
      retryWait,
      saved,
    });
  } catch (error) {
    // Only the code failing to load ends here (offline, or a new version deployed).
    set({
      turns: failLastTurn(get().turns, {
        kind: "internal",
        message: `The code that runs a message could not load: ${messageOf(error)}. Reload the page, then retry.`,
      }),
    });
  } finally {
    set({ running: null, retryWait: null, waitingForTab: false });
  }
}
