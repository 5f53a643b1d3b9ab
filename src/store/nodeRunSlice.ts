import type { NodeId, RunId } from "../engine/ids";
import type { LiveRun } from "./liveRun";
import { loadRunCode } from "./sendMessage";
import type { SliceContext } from "./sliceContext";

/** What the user asked of a run from here (the dialog's form). */
export interface RunFromHereRequest {
  nodeId: NodeId;
  /** Reference ("input" or a node id) -> the value the node reads. */
  values: Record<string, string>;
  /** The values are the last run's, untouched ("last-run"), or typed or edited ("typed"). */
  source: "last-run" | "typed";
  /** Commit like a normal turn (memory appended, the conversation moves on). */
  writesMemory: boolean;
}

/** How it went: the run recorded, or why it could not start (nothing was sent). */
export type RunFromHereResult = { ok: true; runId: RunId } | { ok: false; message: string };

/** The run in progress, node by node, and running one node alone. */
export interface NodeRunState {
  liveRun: LiveRun | null;
  /** Runs one node alone in the open conversation (docs/memory.md, "Run from here"). */
  runFromHere(request: RunFromHereRequest): Promise<RunFromHereResult>;
}

export function createNodeRunSlice(ctx: SliceContext): NodeRunState {
  return {
    liveRun: null,
    async runFromHere(request) {
      try {
        return await (await loadRunCode()).runNodeAlone(ctx, request);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { ok: false, message: `The code that runs a node could not load: ${why}.` };
      }
    },
  };
}
