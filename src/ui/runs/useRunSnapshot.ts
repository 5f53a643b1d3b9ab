import type { RunId } from "../../engine/ids";
import type { RunSnapshot } from "../../engine/runSnapshot";
import { useStudio } from "../../store/studioStore";
import { useStoreQuery } from "../../store/useStoreQuery";

export type RunSnapshotState =
  | { status: "ready"; run: RunSnapshot }
  | { status: "loading" }
  | { status: "missing" };

/**
 * A run of the open conversation from the store (every branch is there); storage is asked
 * only for a run the store does not hold, e.g. while the conversation is still loading.
 */
export function useRunSnapshot(id: RunId): RunSnapshotState {
  const inStore = useStudio((s) => s.runs.find((r) => r.id === id));
  const readRun = useStudio((s) => s.readRun);
  const fetched = useStoreQuery(inStore ? null : () => readRun(id), [readRun, id]);

  if (inStore) return { status: "ready", run: inStore };
  if (fetched.status === "ready" && fetched.data) return { status: "ready", run: fetched.data };
  return fetched.status === "loading" ? { status: "loading" } : { status: "missing" };
}
