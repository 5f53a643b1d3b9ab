// Test-only: two tabs of the app in one test, sharing one fake-indexeddb database.
import type { LockManagerLike, TabMessage, TabPort } from "./browserServices";

/**
 * BroadcastChannel between fake tabs: a post reaches every other tab's listeners, later (as
 * a real channel delivers in a task of its own), never the tab that posted it.
 */
export function linkedTabs() {
  type Listener = (event: { data: unknown }) => void;
  const tabs: Set<Listener>[] = [];
  /** Every message posted, by any tab: what would cross between tabs. */
  const posted: TabMessage[] = [];
  return {
    posted,
    tab(): TabPort {
      const listeners = new Set<Listener>();
      tabs.push(listeners);
      return {
        postMessage(message) {
          // Structured-cloned, as a real channel does: the receiver never shares an object.
          const data = structuredClone(message);
          posted.push(data);
          for (const other of tabs) {
            if (other === listeners) continue;
            for (const listener of [...other]) setTimeout(() => listener({ data }), 0);
          }
        },
        addEventListener: (_type, listener) => void listeners.add(listener),
        removeEventListener: (_type, listener) => void listeners.delete(listener),
      };
    },
  };
}

/** Web Locks shared by fake tabs: one holder per name, the others wait in turn. */
export function sharedLocks(): LockManagerLike {
  const held = new Map<string, Promise<void>>();
  return {
    async request(name, { ifAvailable, signal }, callback) {
      const before = held.get(name);
      if (before && ifAvailable) return callback(null);
      let release = () => {};
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const chain = (before ?? Promise.resolve()).then(() => mine);
      held.set(name, chain);
      try {
        if (before) {
          await Promise.race([
            before,
            new Promise((_, reject) =>
              signal?.addEventListener("abort", () =>
                reject(new DOMException("Aborted", "AbortError")),
              ),
            ),
          ]);
        }
        return await callback({ name });
      } finally {
        release();
        if (held.get(name) === chain) held.delete(name);
      }
    },
  };
}
