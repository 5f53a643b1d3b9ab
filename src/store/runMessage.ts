import type { Flow } from "../engine/flow";
import { FlowValidationError } from "../engine/flowValidationError";
import { type ConversationId, type FlowId, memoryId, newId, type RunId } from "../engine/ids";
import { ProviderError } from "../engine/provider";
import { flowDestinations } from "../engine/providers/keyBinding";
import { runFlow } from "../engine/runFlow";
import type { RunError } from "../engine/runSnapshot";
import { conversationTitle } from "../storage/conversationTitle";
import type { StudioStorage } from "../storage/studioStorage";
import { applyRunEvent, outputStreams } from "./applyRunEvent";
import {
  refreshConversations,
  rememberOpenConversation,
  type SendOptions,
} from "./chatSessionSlice";
import type { ChatTurn } from "./chatTurns";
import {
  FLOW_CONFLICT_TURN,
  inConversation,
  parentAfterOtherTabs,
  TabConflictError,
} from "./conversationLock";
import { applyNodeEvent } from "./liveRun";
import { messageOf, type SliceContext } from "./sliceContext";
import { failLastTurn } from "./turnList";

/** One message, as sendMessage put it on screen. */
export interface MessageToRun {
  text: string;
  options: SendOptions;
  storage: StudioStorage;
  /** The flow as it was when the message was sent: the run runs this one. */
  flow: Flow;
  flowId: FlowId;
  parentRunId: RunId | null;
  controller: AbortController;
  retryWait: AbortController;
  /** The save of pending edits sendMessage started: the revision run, or null on a conflict. */
  saved: Promise<number | null>;
}

/**
 * Runs a message sendMessage (sendMessage.ts) put on screen: the key check, the cross-tab
 * lock, the engine's run, and each run event applied to the chat. Every failure ends as the
 * last turn's error (or, for a reply whose final write failed, as a reply marked not saved).
 */
export async function runMessage(
  ctx: SliceContext,
  { text, options, storage, flow, flowId, parentRunId, controller, retryWait, saved }: MessageToRun,
): Promise<void> {
  const { set, get } = ctx;
  const tokens = tokenBatcher((turns) => set({ turns }));
  try {
    // Only an edit is saved: a message alone never moves the flow's revision.
    const revision = await saved;
    if (revision === null) throw new TabConflictError(FLOW_CONFLICT_TURN);
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
        // The canvas follows the nodes (not the tokens: they would redraw it per token).
        if (event.type !== "token" && event.type !== "call-retrying")
          set({ liveRun: applyNodeEvent(get().liveRun, event) });
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
      await ctx.health.settle(get().turns.at(-1)?.runId);
      await refreshConversations(ctx);
    };
    // A new conversation is this tab's alone; an open one may be another tab's too.
    if (open === null) await run(parentRunId);
    else
      await inConversation(ctx, open, controller.signal, async () =>
        run(await parentAfterOtherTabs(ctx, open, text, parentRunId, options)),
      );
  } catch (error) {
    tokens.flush();
    // A reply whose final write failed stays on screen, marked not saved (null).
    const failure = await ctx.health.settle(get().turns.at(-1)?.runId, error);
    if (failure !== null) set({ turns: failLastTurn(get().turns, failure ?? runErrorOf(error)) });
  } finally {
    set({ liveRun: null });
  }
}

/** The conversation the first message just created is now the open one, here and after a reload. */
async function adoptConversation(ctx: SliceContext, id: ConversationId): Promise<void> {
  ctx.set({ conversationId: id });
  rememberOpenConversation(ctx, id);
  await refreshConversations(ctx);
}

/** A run that could not start, in the chat's words (with the way out where there is one). */
export function runErrorOf(error: unknown): RunError {
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
