import { useMemo } from "react";
import type { RunId } from "../../engine/ids";
import { useStudio } from "../../store/studioStore";
import { runNumbers } from "./runNumbers";

export interface RunLabels {
  numbers: ReadonlyMap<RunId, number>;
  /** "Run 3", plus "(another branch)" for a run the chat on screen does not show. */
  label(id: RunId): string;
}

/** How runs are named in the panel: by their position in the conversation. */
export function useRunLabels(): RunLabels {
  const runs = useStudio((s) => s.runs);
  // A string, not the turns: streamed tokens replace the turns many times a second.
  const branch = useStudio((s) => s.turns.map((t) => t.runId ?? "").join("\n"));
  return useMemo(() => {
    const numbers = runNumbers(runs);
    const onScreen = new Set(branch.split("\n"));
    const byId = new Map(runs.map((r) => [r.id, r]));
    return {
      numbers,
      label(id) {
        // A node run alone that wrote nothing is on no branch: named for what it was.
        const run = byId.get(id);
        const alone = run?.runFromHere && !run.runFromHere.writesMemory && run.runFromHere;
        if (alone && run) {
          const after = run.parentRunId ? numbers.get(run.parentRunId) : undefined;
          return `${alone.nodeId} run from here${after ? ` after run ${after}` : ""}`;
        }
        return `Run ${numbers.get(id) ?? "?"}${onScreen.has(id) ? "" : " (another branch)"}`;
      },
    };
  }, [runs, branch]);
}
