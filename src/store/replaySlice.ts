import type { NodeId, RunId } from "../engine/ids";
import type { KeyDestination, TokenUsage } from "../engine/provider";
import type { PreparedReplay, ReplaySettings } from "../engine/replayCall";
import type { LlmCallRecord, RunError } from "../engine/runSnapshot";
import type { SliceContext } from "./sliceContext";

/**
 * One replay of a recorded call with other settings (docs/memory.md, "Replaying a call"):
 * kept in this store for the page's session, never stored as a run, never written to memory.
 */
export interface ReplayEntry {
  id: string;
  runId: RunId;
  nodeId: NodeId;
  /** 1 for the first replay of this call in this session. */
  number: number;
  settings: ReplaySettings;
  status: "preparing" | "running" | "ok" | "error" | "aborted";
  /** The messages it sends (and what its window left out); null until read. */
  prepared: PreparedReplay | null;
  /** The reply so far, then in full. */
  reply: string;
  usage?: TokenUsage;
  latencyMs?: number;
  error?: RunError;
}

/** What a replay is asked with: the recorded call and the settings to change. */
export interface ReplayAsk {
  runId: RunId;
  nodeId: NodeId;
  llm: LlmCallRecord;
  settings: ReplaySettings;
  /** Servers the user chose to call once without the saved key. */
  keyless?: readonly KeyDestination[];
}

export interface ReplayState {
  /** This session's replays, oldest first (at most REPLAYS_KEPT). */
  replays: ReplayEntry[];
  /** Replays a call; its entry is in `replays` at once and follows the reply as it streams. */
  replayCall(ask: ReplayAsk): Promise<void>;
  stopReplay(id: string): void;
}

/** The replay's code (replayCode.ts): loaded on the first replay, not with the first page. */
const loadReplayCode = () => import("./replayCode");

export function createReplaySlice(ctx: SliceContext): ReplayState {
  const controllers = new Map<string, AbortController>();
  return {
    replays: [],
    async replayCall(ask) {
      const code = await loadReplayCode();
      await code.runReplay(ctx, controllers, ask);
    },
    stopReplay: (id) => controllers.get(id)?.abort(),
  };
}
