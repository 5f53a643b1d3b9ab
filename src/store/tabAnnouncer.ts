import type { StudioStorage } from "../storage/studioStorage";
import type { TabMessage } from "./browserServices";
import { SETTINGS } from "./settingsKeys";
import type { TabChannel } from "./tabChannel";

/** Settings the other tabs apply at once; the rest (open flow, viewport) belong to one tab. */
const SHARED_SETTINGS: Record<string, TabMessage> = {
  [SETTINGS.theme]: { type: "theme-changed" },
  [SETTINGS.credentials]: { type: "settings-changed" },
  [SETTINGS.keyStorage]: { type: "settings-changed" },
  [SETTINGS.sealedKeys]: { type: "settings-changed" },
  [SETTINGS.callTimeouts]: { type: "settings-changed" },
};

/** `target` with `method` replaced by `wrap(original)`; the original object is not changed. */
function override<T extends object, K extends keyof T>(
  target: T,
  method: K,
  wrap: (original: T[K]) => T[K],
): T {
  const copy = Object.create(target) as T;
  const original = (target[method] as (...args: unknown[]) => unknown).bind(target) as T[K];
  copy[method] = wrap(original);
  return copy;
}

type Fn<A extends unknown[], R> = (...args: A) => Promise<R>;

/** Calls `write`, then posts what it says changed (also after a failure: it may have landed). */
function announced<A extends unknown[], R>(
  write: Fn<A, R>,
  message: (args: A, result: R | undefined) => TabMessage | undefined,
  post: (message: TabMessage) => void,
): Fn<A, R> {
  return async (...args) => {
    let result: R | undefined;
    try {
      result = await write(...args);
      return result;
    } finally {
      const said = message(args, result);
      if (said) post(said);
    }
  };
}

/**
 * The storage, telling the other tabs of each write they show: flows, conversations, runs
 * (begun, drafted, finished), shared settings. Ids only (never a key, never a message's text):
 * they read the rest from IndexedDB. Reads and this tab's own state are untouched.
 */
export function announceChanges(storage: StudioStorage, tabs: TabChannel): StudioStorage {
  const post = (message: TabMessage) => tabs.post(message);
  const conversationsChanged = () => ({ type: "conversations-changed" }) as const;

  let flows = override(storage.flows, "save", (save) =>
    announced(
      save,
      ([flowId], record) => record && { type: "flow-saved", flowId, revision: record.revision },
      post,
    ),
  );
  flows = override(flows, "delete", (remove) =>
    announced(remove, ([flowId]) => ({ type: "flow-deleted", flowId }), post),
  );

  let conversations = storage.conversations;
  for (const method of ["create", "rename", "setHeadRun", "delete"] as const) {
    conversations = override(
      conversations,
      method,
      (write) =>
        announced(write as Fn<unknown[], unknown>, conversationsChanged, post) as typeof write,
    );
  }

  const runChanged =
    (running: boolean) =>
    ([run]: [{ id: string; conversationId: string }, ...unknown[]]): TabMessage => ({
      type: "run-changed",
      conversationId: run.conversationId,
      runId: run.id,
      running,
    });
  let saver = override(storage.saver, "beginRun", (begin) =>
    announced(begin, runChanged(true), post),
  );
  saver = override(saver, "saveDraft", (draft) => announced(draft, runChanged(true), post));
  saver = override(saver, "finishRun", (finish) => announced(finish, runChanged(false), post));

  const sharedSetting = ([key]: [string, ...unknown[]]) => SHARED_SETTINGS[key];
  let settings = override(storage.settings, "put", (put) => announced(put, sharedSetting, post));
  settings = override(settings, "delete", (remove) => announced(remove, sharedSetting, post));

  const memoryEdits = override(storage.memoryEdits, "write", (write) =>
    announced(write, () => ({ type: "memory-edited" }), post),
  );
  const flowMemory = override(storage.flowMemory, "clear", (clear) =>
    announced(clear, () => ({ type: "memory-edited" }), post),
  );

  return {
    ...storage,
    flows,
    conversations,
    saver,
    settings,
    memoryEdits,
    flowMemory,
    close: storage.close,
  };
}
