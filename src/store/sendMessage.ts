import { FlowValidationError } from "../engine/flowValidationError";
import { type ConversationId, memoryId, newId, type RunId } from "../engine/ids";
import { ProviderError } from "../engine/provider";
import type { RunError } from "../engine/runSnapshot";
import { conversationTitle } from "../storage/conversationTitle";
import { applyRunEvent, failLastTurn, outputStreams, pendingTurn, turnsOf } from "./applyRunEvent";
import {
  refreshConversations,
  rememberOpenConversation,
  type SendOptions,
} from "./chatSessionSlice";
import type { ChatTurn } from "./chatTurns";
import { messageOf, type SliceContext } from "./sliceContext";

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
 * run with its memory messages and the conversation's new head.
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

  const tokens = tokenBatcher((turns) => set({ turns }));
  try {
    // Only an edit is saved: a message alone never moves the flow's revision.
    const revision = await ctx.flowSaver().saveOpenFlowIfEdited();
    const code = await loadRunCode();
    const { runFlow, flowDestinations } = code;
    if (revision === null) throw new code.TabConflictError(code.FLOW_CONFLICT_TURN);
    if (get().keysLocked && flowDestinations(flow, get().credentials).length > 0) {
      throw new ProviderError(
        "auth",
        "Your saved API keys are locked with a passphrase. Unlock them in Settings, then retry.",
      );
    }
    const open = get().conversationId;
    const run = async (parentRunId: RunId | null) => {
      // A new conversation is created by the run's first write, with its first message.
      const conversationId = open ?? newId<"ConversationId">();
      const clears = get().pendingClears;
      const events = runFlow({
        flow,
        flowId,
        flowRevision: revision,
        input: text,
        conversationId,
        ...(open === null && { newConversation: { title: conversationTitle(text) } }),
        parentRunId,
        saver: storage.saver,
        providers: ctx.providers,
        credentials: get().credentials,
        ...(options.keyless && { keyless: options.keyless }),
        signal: controller.signal,
        now: ctx.clock,
        call: { timeouts: get().callTimeouts, retryWaitSignal: retryWait.signal },
        ...(clears.length > 0 && { clearMemories: clears.map(memoryId) }),
      });
      const streams = outputStreams(flow);
      for await (const event of events) {
        if (event.type === "run-started" && open === null)
          await adoptConversation(ctx, conversationId);
        const { runs, headRunId, turns } = get();
        const next = applyRunEvent(
          { runs, headRunId, turns: tokens.pending ?? turns },
          event,
          streams,
        );
        if (event.type === "token") {
          tokens.add(next.turns);
          continue;
        }
        tokens.cancel();
        if (next.turns === turns) continue;
        set({
          turns: next.turns,
          ...(next.runs !== runs && { runs: [...next.runs], headRunId: next.headRunId }),
          // The clears went into the finished run: the next message starts from it.
          ...(event.type === "run-finished" && { pendingClears: [] }),
        });
      }
      tokens.flush();
      await refreshConversations(ctx);
    };
    // A new conversation is this tab's alone; an open one may be another tab's too.
    if (open === null) await run(parentRunId);
    else
      await code.inConversation(ctx, open, controller.signal, async () =>
        run(await code.parentAfterOtherTabs(ctx, open, text, parentRunId, options)),
      );
  } catch (error) {
    tokens.flush();
    set({ turns: failLastTurn(get().turns, runErrorOf(error)) });
  } finally {
    set({ running: null, retryWait: null, waitingForTab: false });
  }
}

/** The conversation the first message just created is now the open one, here and after a reload. */
async function adoptConversation(ctx: SliceContext, id: ConversationId): Promise<void> {
  ctx.set({ conversationId: id });
  rememberOpenConversation(ctx, id);
  await refreshConversations(ctx);
}

/** A run that could not start, in the chat's words (with the way out where there is one). */
function runErrorOf(error: unknown): RunError {
  // A TabConflictError (conversationLock.ts, loaded with the run): said as it is.
  if (error instanceof Error && error.name === "TabConflictError") {
    return { kind: "internal", message: error.message };
  }
  if (error instanceof FlowValidationError) return { kind: "validation", message: error.message };
  if (error instanceof ProviderError && error.kind === "auth") {
    return { kind: error.kind, message: error.message };
  }
  if (error instanceof ProviderError && error.kind === "key-not-approved") {
    return {
      kind: error.kind,
      message: error.message,
      ...(error.details.provider && { provider: error.details.provider }),
      ...(error.details.destinations && { destinations: [...error.details.destinations] }),
    };
  }
  return { kind: "internal", message: `Something went wrong: ${messageOf(error)}` };
}

/**
 * A model (or a hostile server) can send thousands of tokens in one network read: drawing the
 * chat for each would hold the page for seconds. Tokens are gathered and shown at most every
 * TOKEN_BATCH_MS; any other event first takes the gathered ones with it.
 */
const TOKEN_BATCH_MS = 50;

function tokenBatcher(show: (turns: ChatTurn[]) => void) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const batch = {
    /** The turns with every token so far, not yet shown. */
    pending: null as ChatTurn[] | null,
    add(turns: ChatTurn[]) {
      batch.pending = turns;
      timer ??= setTimeout(batch.flush, TOKEN_BATCH_MS);
    },
    flush() {
      const turns = batch.pending;
      batch.cancel();
      if (turns) show(turns);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      batch.pending = null;
    },
  };
  return batch;
}
