import type { FlowId } from "../../engine/ids";
import type { FlowSummary } from "../../store/studioStore";

/**
 * Why `draft` cannot be this flow's name, or null if it can. Two flows with one name would also
 * give their Open/Rename/Delete buttons the same accessible names, so a taken name is refused.
 */
export function flowNameProblem(
  draft: string,
  id: FlowId,
  flows: readonly FlowSummary[],
): string | null {
  const name = draft.trim();
  if (name === "") return "A flow needs a name.";
  if (flows.some((f) => f.id !== id && f.name === name)) {
    return `Another flow is already called “${name}”.`;
  }
  return null;
}
