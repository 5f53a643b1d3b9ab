import { useEffect, useState } from "react";
import type { RunId } from "../../engine/ids";
import type { RunSnapshot } from "../../engine/runSnapshot";
import { useStudio } from "../../store/studioStore";

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
  const storage = useStudio((s) => s.storage);
  const [fetched, setFetched] = useState<{ id: RunId; run: RunSnapshot | undefined } | null>(null);

  useEffect(() => {
    if (inStore || !storage) return;
    let current = true;
    storage.runs.get(id).then(
      (run) => current && setFetched({ id, run }),
      () => current && setFetched({ id, run: undefined }),
    );
    return () => {
      current = false;
    };
  }, [inStore, storage, id]);

  if (inStore) return { status: "ready", run: inStore };
  if (!storage) return { status: "missing" };
  if (fetched?.id !== id) return { status: "loading" };
  return fetched.run ? { status: "ready", run: fetched.run } : { status: "missing" };
}
