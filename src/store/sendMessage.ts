import type { ConversationId, RunId } from "../engine/ids";
import { memoryId } from "../engine/ids";
import { FlowValidationError, runFlow } from "../engine/runFlow";
import { conversationTitle } from "../storage/conversationTitle";
import { applyRunEvent, failLastTurn, outputStreams, pendingTurn, turnsOf } from "./applyRunEvent";
import { refreshConversations } from "./chatSessionSlice";
import type { ChatTurn } from "./chatTurns";
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
  options: { parentRunId?: RunId | null },
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

  const tokens = tokenBatcher((turns) => set({ turns }));
  try {
    const record = await ctx.flowSaver().saveOpenFlow();
    if (!record) throw new Error(CONFLICT_NOTICE);
    const conversationId = await conversationFor(ctx, text);
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
      signal: controller.signal,
      now: ctx.clock,
      ...(clears.length > 0 && { clearMemories: clears.map(memoryId) }),
    });
    const streams = outputStreams(flow);
    for await (const event of events) {
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
  } catch (error) {
    tokens.flush();
    const invalid = error instanceof FlowValidationError;
    const message = invalid ? error.message : `Something went wrong: ${messageOf(error)}`;
    set({
      turns: failLastTurn(get().turns, { kind: invalid ? "validation" : "internal", message }),
    });
  } finally {
    set({ running: null });
  }
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
