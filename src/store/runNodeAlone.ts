import { flowDestinations } from "../engine/providers/keyBinding";
import { runFlow } from "../engine/runFlow";
import { memoryHeadSeen } from "../engine/runFromHere";
import type { RunSnapshot } from "../engine/runSnapshot";
import { refreshConversations } from "./chatSessionSlice";
import { inConversation } from "./conversationLock";
import { applyNodeEvent } from "./liveRun";
import type { RunFromHereRequest, RunFromHereResult } from "./nodeRunSlice";
import { runErrorOf } from "./runMessage";
import { sendBlocker } from "./sendMessage";
import type { SliceContext } from "./sliceContext";
import { turnsOf } from "./turnList";

/**
 * Runs one node alone in the open conversation ("run from here", docs/memory.md): a real call
 * over its provider, under the same key check, timeouts and Stop as a message, recorded as a
 * run marked so. By default it reads the node's memory as the last run's call of it did and
 * writes nothing (the conversation stays where it was); with `writesMemory` it commits like a
 * turn, in one transaction, holding the conversation's lock as a message does.
 */
export async function runNodeAlone(
  ctx: SliceContext,
  request: RunFromHereRequest,
): Promise<RunFromHereResult> {
  const { set, get } = ctx;
  const blocked = sendBlocker(ctx);
  if (blocked) return { ok: false, message: blocked.replace("the message is kept, ", "") };
  const storage = ctx.openStorage();
  const { flow, flowId } = ctx.editor.getState();
  const { conversationId, headRunId } = get();
  if (!storage || !flow || !flowId) return { ok: false, message: "No flow is open." };
  if (!conversationId || !headRunId) {
    return {
      ok: false,
      message: "Send a message first: a run from here is recorded in the open conversation.",
    };
  }
  const controller = new AbortController();
  const retryWait = new AbortController();
  set({
    running: controller,
    retryWait,
    liveRun: { runId: null, only: request.nodeId, nodes: {} },
  });
  try {
    const revision = await ctx.flowSaver().saveOpenFlowIfEdited();
    if (revision === null) {
      return { ok: false, message: "The flow was changed in another tab: choose a version first." };
    }
    const node = flow.nodes.find((n) => n.id === request.nodeId);
    if (!node) return { ok: false, message: `Node ${request.nodeId} is no longer in the flow.` };
    if (get().keysLocked && flowDestinations({ nodes: [node] }, get().credentials).length > 0) {
      return {
        ok: false,
        message:
          "Your saved API keys are locked with a passphrase. Unlock them in Settings, then retry.",
      };
    }
    let finished: RunSnapshot | null = null;
    const run = async () => {
      // Under the lock, the head may have moved (another tab's reply): continue from it.
      const parentRunId = request.writesMemory ? (get().headRunId ?? headRunId) : headRunId;
      const last = get().runs.find((r) => r.id === parentRunId);
      const memoryHead = request.writesMemory || !last ? undefined : memoryHeadSeen(last, node.id);
      const events = runFlow({
        flow,
        flowId,
        flowRevision: revision,
        input: request.values.input ?? last?.input ?? "",
        conversationId,
        parentRunId,
        saver: storage.saver,
        providers: ctx.providers,
        credentials: get().credentials,
        signal: controller.signal,
        now: ctx.clock,
        call: { timeouts: get().callTimeouts, retryWaitSignal: retryWait.signal },
        only: {
          nodeId: node.id,
          values: request.values,
          source: request.source,
          writesMemory: request.writesMemory,
          ...(memoryHead !== undefined && { memoryHead }),
        },
      });
      for await (const event of events) {
        if (event.type === "token" || event.type === "call-retrying") continue;
        if (event.type === "run-finished") finished = event.snapshot;
        else set({ liveRun: applyNodeEvent(get().liveRun, event) });
      }
      if (finished) {
        const runs = [...get().runs, finished];
        // Written to memory, it is the conversation's next turn; otherwise only a record.
        const head = request.writesMemory
          ? { headRunId: finished.id, turns: turnsOf(runs, finished.id) }
          : {};
        set({ runs, ...head, liveRun: null });
      }
      await ctx.health.settle(finished?.id);
    };
    if (request.writesMemory) {
      await inConversation(ctx, conversationId, controller.signal, run);
      await refreshConversations(ctx);
    } else await run();
    const done = finished as RunSnapshot | null;
    return done ? { ok: true, runId: done.id } : { ok: false, message: "The run did not finish." };
  } catch (error) {
    return { ok: false, message: runErrorOf(error).message };
  } finally {
    set({ running: null, retryWait: null, waitingForTab: false, liveRun: null });
  }
}
