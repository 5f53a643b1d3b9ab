import type { RunId } from "../../engine/ids";
import type { RunSnapshot } from "../../engine/runSnapshot";

/**
 * Each run's position in its branch, 1 for a conversation's first message: the number the
 * user sees ("Run 3" is the third message of the chat on screen). Alternatives made by an
 * edit or a regeneration share the number of the message they replace.
 */
export function runNumbers(runs: readonly RunSnapshot[]): Map<RunId, number> {
  const parents = new Map(runs.map((r) => [r.id, r.parentRunId]));
  const numbers = new Map<RunId, number>();
  for (const run of runs) {
    // Walk up to the first numbered ancestor (or the root), then number the way back down:
    // iterative, so a long conversation cannot overflow the stack.
    const chain: RunId[] = [];
    const onChain = new Set<RunId>();
    let at: RunId | null | undefined = run.id;
    let base = 0;
    while (at && parents.has(at)) {
      const known = numbers.get(at);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (onChain.has(at)) break; // A damaged chain that loops: number what was walked.
      onChain.add(at);
      chain.push(at);
      at = parents.get(at);
    }
    for (let i = chain.length - 1; i >= 0; i--) numbers.set(chain[i] as RunId, ++base);
  }
  return numbers;
}
