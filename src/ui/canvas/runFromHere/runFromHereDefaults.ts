import type { RunSnapshot } from "../../../engine/runSnapshot";
import { INPUT_REFERENCE } from "../../../engine/template";

/** One value the node reads, as the form shows it. */
export interface ReadValue {
  ref: string;
  /** The last run's value, or "" when that run has none (the user types it). */
  value: string;
  fromLastRun: boolean;
}

/** The values a node reads, filled from the last run where it had them. */
export function lastRunValues(refs: readonly string[], last: RunSnapshot | undefined): ReadValue[] {
  return refs.map((ref) => {
    const value =
      ref === INPUT_REFERENCE
        ? last?.input
        : last?.nodes.find((n) => n.nodeId === ref && n.status === "ok")?.output;
    return { ref, value: value ?? "", fromLastRun: value !== undefined };
  });
}

/** What the form says about memory, for the node and the checkbox's state. */
export function memoryNote(memoryId: string | null, canWrite: boolean, writes: boolean): string {
  if (memoryId === null) return "This node has no memory: nothing is read or written.";
  if (writes)
    return `Reads memory "${memoryId}" as it is now, adds this exchange to it and continues the conversation from this run, like a message.`;
  return `Reads memory "${memoryId}" as the last run's call of this node saw it. Nothing is written${canWrite ? " unless you tick Write to memory" : ""}: memory and the conversation stay as they are.`;
}
