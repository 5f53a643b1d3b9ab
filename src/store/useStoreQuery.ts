import { type DependencyList, useEffect, useState } from "react";

/** A read from the store as a component sees it. */
export type QueryState<T> =
  | { status: "idle" }
  /** `previous`: the answer to the deps before, when it was a success (a view may keep it, dimmed). */
  | { status: "loading"; previous?: T }
  | { status: "ready"; data: T }
  | { status: "failed"; error: unknown };

const IDLE = { status: "idle" } as const;

const sameDeps = (a: DependencyList, b: DependencyList) =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * Runs `read` (a store read: readRun, readMemoryLog, ...) whenever `deps` change, and gives
 * its answer. An answer always belongs to the deps it was asked with: while a newer read is
 * on its way the state is "loading" (with the older answer as `previous`, never as data).
 * `read` null: nothing to read.
 */
export function useStoreQuery<T>(
  read: (() => Promise<T>) | null,
  deps: DependencyList,
): QueryState<T> {
  const [answer, setAnswer] = useState<{ deps: DependencyList; state: QueryState<T> } | null>(null);
  const enabled = read !== null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` stand for `read`, a new closure each render
  useEffect(() => {
    if (!read) return;
    let current = true;
    read().then(
      (data) => current && setAnswer({ deps, state: { status: "ready", data } }),
      (error: unknown) => current && setAnswer({ deps, state: { status: "failed", error } }),
    );
    return () => {
      current = false;
    };
  }, [enabled, ...deps]);

  if (!enabled) return IDLE;
  if (answer && sameDeps(answer.deps, deps)) return answer.state;
  return answer?.state.status === "ready"
    ? { status: "loading", previous: answer.state.data }
    : { status: "loading" };
}

/** An error's message, for a failed read shown to the user. */
export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
