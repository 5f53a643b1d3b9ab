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
    return {
      numbers,
      label: (id) => `Run ${numbers.get(id) ?? "?"}${onScreen.has(id) ? "" : " (another branch)"}`,
    };
  }, [runs, branch]);
}
