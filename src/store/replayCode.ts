import { newId } from "../engine/ids";
import { prepareReplay, sendReplay } from "../engine/replayCall";
import type { ReplayAsk, ReplayEntry } from "./replaySlice";
import { messageOf, type SliceContext } from "./sliceContext";

/** Replays kept for the session: the oldest finished ones go first. */
const REPLAYS_KEPT = 20;

/** Tokens reach the view at most this often, as in the chat (sendMessage.ts). */
const TOKEN_BATCH_MS = 50;

/**
 * Runs one replay (replaySlice.ts): reads the memory as it stood at the recorded call, sends
 * the call, and keeps its entry up to date. Reads only: no run, no message, no head is
 * written, so memory is byte for byte what it was.
 */
export async function runReplay(
  ctx: SliceContext,
  controllers: Map<string, AbortController>,
  ask: ReplayAsk,
): Promise<void> {
  const { get, set } = ctx;
  const id = newId<"RunId">() as string;
  const number = get().replays.filter(
    (r) => r.runId === ask.runId && r.nodeId === ask.nodeId,
  ).length;
  const entry: ReplayEntry = {
    id,
    runId: ask.runId,
    nodeId: ask.nodeId,
    number: number + 1,
    settings: ask.settings,
    status: "preparing",
    prepared: null,
    reply: "",
  };
  const update = (patch: Partial<ReplayEntry>) =>
    set({ replays: get().replays.map((r) => (r.id === id ? { ...r, ...patch } : r)) });
  set({ replays: keepRecent([...get().replays, entry]) });

  const controller = new AbortController();
  controllers.set(id, controller);
  let reply = "";
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    update({ reply });
  };
  try {
    // The replay's provider and, when another summarizer writes its summary, the summarizer's.
    const { summary } = ask.settings;
    const called = [
      ask.settings.provider,
      ...(summary.kind === "summarizer" ? [summary.summarizer.provider] : []),
    ];
    const locked = called.some(
      (provider) => provider !== "echo" && get().credentials[provider]?.apiKey === undefined,
    );
    if (get().keysLocked && locked) {
      update({
        status: "error",
        error: {
          kind: "auth",
          message:
            "Your saved API keys are locked with a passphrase. Unlock them in Settings, then replay.",
        },
      });
      return;
    }
    let prepared: Awaited<ReturnType<typeof prepareReplay>>;
    try {
      prepared = await prepareReplay(ctx.storage().saver, ask.llm, ask.settings);
    } catch (error) {
      update({
        status: "error",
        error: {
          kind: "internal",
          message: `Could not read the memory this call saw: ${messageOf(error)}`,
        },
      });
      return;
    }
    update({ status: "running", prepared });
    const result = await sendReplay({
      llm: ask.llm,
      settings: ask.settings,
      prepared,
      providers: ctx.providers,
      credentials: get().credentials,
      ...(ask.keyless && { keyless: ask.keyless }),
      signal: controller.signal,
      now: ctx.clock,
      call: { timeouts: get().callTimeouts },
      onPrepared: (sent) => update({ prepared: sent }),
      onDelta(text) {
        reply += text;
        timer ??= setTimeout(flush, TOKEN_BATCH_MS);
      },
    });
    flush();
    update({
      status: result.error ? (result.error.kind === "aborted" ? "aborted" : "error") : "ok",
      reply: result.reply ?? reply,
      ...(result.usage && { usage: result.usage }),
      ...(result.latencyMs !== undefined && { latencyMs: result.latencyMs }),
      ...(result.error && { error: result.error }),
      ...(result.prepared && { prepared: result.prepared }),
    });
  } finally {
    if (timer !== null) clearTimeout(timer);
    controllers.delete(id);
  }
}

function keepRecent(replays: ReplayEntry[]): ReplayEntry[] {
  let extra = replays.length - REPLAYS_KEPT;
  return replays.filter((r) => {
    if (extra > 0 && r.status !== "preparing" && r.status !== "running") {
      extra--;
      return false;
    }
    return true;
  });
}
