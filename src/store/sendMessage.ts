import type { ConversationId } from "../engine/ids";
import { memoryId } from "../engine/ids";
import { ProviderError } from "../engine/provider";
import { flowDestinations } from "../engine/providers/keyBinding";
import { FlowValidationError, runFlow } from "../engine/runFlow";
import type { RunError } from "../engine/runSnapshot";
import { conversationTitle } from "../storage/conversationTitle";
import { applyRunEvent, failLastTurn, outputStreams, pendingTurn, turnsOf } from "./applyRunEvent";
import { refreshConversations, type SendOptions } from "./chatSessionSlice";
import { CONFLICT_NOTICE } from "./flowSaver";
import { messageOf, type SliceContext } from "./sliceContext";

/**
 * Sends one chat message through the open flow: saves pending edits (the run records the
 * revision it ran), creates the conversation on its first message, runs the flow, and
 * applies each run event to the chat on screen. The engine's saver writes the run, its
 * memory messages and the conversation's new head.
 */
export async function sendMessage(
  ctx: SliceContext,
  text: string,
  options: SendOptions,
): Promise<void> {
  const { set, get } = ctx;
  const storage = ctx.openStorage();
  const { flow, flowId } = ctx.editor.getState();
  if (!storage || !flow || !flowId || get().running || text.trim() === "") return;
  const parentRunId = options.parentRunId === undefined ? get().headRunId : options.parentRunId;
  const controller = new AbortController();
  // On screen: the branch up to the parent, then the message in progress.
  set({
    running: controller,
    turns: [...turnsOf(get().runs, parentRunId), pendingTurn(text, parentRunId)],
  });

  try {
    const record = await ctx.flowSaver().saveOpenFlow();
    if (!record) throw new Error(CONFLICT_NOTICE);
    const conversationId = await conversationFor(ctx, text);
    if (get().keysLocked && flowDestinations(flow, get().credentials).length > 0) {
      throw new ProviderError(
        "auth",
        "Your saved API keys are locked with a passphrase. Unlock them in Settings, then retry.",
      );
    }
    const clears = get().pendingClears;
    const events = runFlow({
      flow,
      flowId,
      flowRevision: record.revision,
      input: text,
      conversationId,
      parentRunId,
      saver: storage.saver,
      providers: ctx.providers,
      credentials: get().credentials,
      ...(options.keyless && { keyless: options.keyless }),
      signal: controller.signal,
      now: ctx.clock,
      ...(clears.length > 0 && { clearMemories: clears.map(memoryId) }),
    });
    const streams = outputStreams(flow);
    for await (const event of events) {
      const { runs, headRunId, turns } = get();
      const next = applyRunEvent({ runs, headRunId, turns }, event, streams);
      if (next.turns === turns) continue;
      set({
        turns: next.turns,
        ...(next.runs !== runs && { runs: [...next.runs], headRunId: next.headRunId }),
        // The clears went into the finished run: the next message starts from it.
        ...(event.type === "run-finished" && { pendingClears: [] }),
      });
    }
    await refreshConversations(ctx);
  } catch (error) {
    set({ turns: failLastTurn(get().turns, runErrorOf(error)) });
  } finally {
    set({ running: null });
  }
}

/** A run that could not start, in the chat's words (with the way out where there is one). */
function runErrorOf(error: unknown): RunError {
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
 * The conversation the message belongs to. The first message of a new conversation creates
 * it here, titled from the message: the one place a conversation is created (the engine's
 * saver only moves an existing conversation's head).
 */
async function conversationFor(ctx: SliceContext, text: string): Promise<ConversationId> {
  const open = ctx.get().conversationId;
  if (open) return open;
  const flowId = ctx.editor.getState().flowId;
  if (!flowId) throw new Error("No flow is open.");
  const { id } = await ctx.storage().conversations.create({
    flowId,
    title: conversationTitle(text),
  });
  ctx.set({ conversationId: id });
  return id;
}
