// Test-only: two tabs of the app in one test, sharing one fake-indexeddb database.
import type { TabChannel, TabLocks, TabMessage } from "./browserServices";

/**
 * BroadcastChannel between fake tabs: a post reaches every other tab's listeners, later (as
 * a real channel delivers in a task of its own), never the tab that posted it.
 */
export function linkedTabs() {
  const tabs: Set<(message: TabMessage) => void>[] = [];
  /** Every message posted, by any tab: what would cross between tabs. */
  const posted: TabMessage[] = [];
  return {
    posted,
    tab(): TabChannel {
      const listeners = new Set<(message: TabMessage) => void>();
      tabs.push(listeners);
      return {
        post(message) {
          // Structured-cloned, as a real channel does: the receiver never shares an object.
          const copy = structuredClone(message);
          posted.push(copy);
          for (const other of tabs) {
            if (other === listeners) continue;
            for (const listener of [...other]) setTimeout(() => listener(copy), 0);
          }
        },
        listen(listener) {
          listeners.add(listener);
          return () => void listeners.delete(listener);
        },
      };
    },
  };
}

/** Web Locks shared by fake tabs: one holder per name, the others wait in turn. */
export function sharedLocks(): TabLocks {
  const held = new Map<string, Promise<unknown>>();
  return {
    async withLock(name, task, { signal, onWait }) {
      const before = held.get(name);
      let release = () => {};
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const chain = (before ?? Promise.resolve()).then(() => mine);
      held.set(name, chain);
      try {
        if (before) {
          onWait?.();
          await Promise.race([
            before,
            new Promise((_, reject) =>
              signal?.addEventListener("abort", () =>
                reject(new DOMException("Aborted", "AbortError")),
              ),
            ),
          ]);
        }
        return await task();
      } finally {
        release();
        if (held.get(name) === chain) held.delete(name);
      }
    },
  };
}
