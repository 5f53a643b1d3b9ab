import type { RunSnapshot } from "../../engine/runSnapshot";

/** Every memory a run touched: read, written or cleared (for colours and labels). */
export function memoriesOf(run: RunSnapshot): string[] {
  const ids = new Set<string>(run.cleared);
  for (const node of run.nodes) if (node.llm?.memory) ids.add(node.llm.memory.memoryId);
  for (const id of Object.keys(run.appended)) ids.add(id);
  return [...ids];
}
