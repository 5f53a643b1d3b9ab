import type { StudioStorage } from "../storage/studioStorage";

/** One write IndexedDB refused: which, with what, and how to make the same write again. */
export interface FailedWrite {
  /** "flows.save", "saver.finishRun", … */
  op: string;
  args: readonly unknown[];
  error: unknown;
  /** The same write again, through the guard (failing again reports again). */
  retry(): Promise<unknown>;
}

export interface WriteHooks {
  failed(write: FailedWrite): void;
  wrote(op: string): void;
}

/**
 * Every write of the app, by repository. Drafts are left out: a draft that cannot be written
 * does not fail the run (the final record carries the same text), so it is no news.
 */
const WRITES = {
  flows: ["save", "delete"],
  conversations: ["create", "rename", "setHeadRun", "delete"],
  settings: ["put", "delete"],
  saver: ["beginRun", "finishRun"],
  flowMemory: ["clear"],
  memoryEdits: ["write"],
} as const;

/**
 * The storage with every write watched: a refused write is reported (then rejected as
 * before, so its caller still knows), a write that landed is counted (the quota watch).
 * One place, so a write path added later is not silently left out.
 */
export function guardWrites(storage: StudioStorage, hooks: WriteHooks): StudioStorage {
  const guarded: Record<string, unknown> = { ...storage };
  for (const [part, methods] of Object.entries(WRITES)) {
    const target = storage[part as keyof typeof WRITES] as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    // A stand-in storage (tests) may leave a repository out: nothing of it to watch.
    if (!target) continue;
    // Reads go to the repository itself through the prototype chain.
    const watched = Object.create(target) as typeof target;
    for (const method of methods) {
      const write = (target[method] as (...args: unknown[]) => Promise<unknown>).bind(target);
      const op = `${part}.${method}`;
      const call = (...args: unknown[]): Promise<unknown> =>
        write(...args).then(
          (value) => {
            hooks.wrote(op);
            return value;
          },
          (error: unknown) => {
            hooks.failed({ op, args, error, retry: () => call(...args) });
            throw error;
          },
        );
      watched[method] = call;
    }
    guarded[part] = watched;
  }
  return guarded as unknown as StudioStorage;
}
