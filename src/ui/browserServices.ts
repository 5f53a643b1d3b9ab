import type {
  BrowserServices,
  KeyValueStorage,
  TabChannel,
  TabLocks,
  TabMessage,
} from "../store/browserServices";

/** Reading `window.localStorage` itself throws where storage is disabled. */
function webStorage(read: () => Storage): KeyValueStorage | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** The real page: main.tsx hands these to the studio store. */
export function pageBrowserServices(): BrowserServices {
  return {
    origin: window.location.origin,
    localStorage: webStorage(() => window.localStorage),
    sessionStorage: webStorage(() => window.sessionStorage),
    storageManager: typeof navigator === "undefined" ? null : (navigator.storage ?? null),
    onPageHide(listener) {
      const onVisibility = () => {
        if (document.visibilityState === "hidden") listener();
      };
      document.addEventListener("visibilitychange", onVisibility);
      window.addEventListener("pagehide", listener);
      return () => {
        document.removeEventListener("visibilitychange", onVisibility);
        window.removeEventListener("pagehide", listener);
      };
    },
    tabs: typeof BroadcastChannel === "undefined" ? null : broadcastTabs(),
    locks: typeof navigator === "undefined" || !navigator.locks ? null : webLocks(navigator.locks),
  };
}

/** Do not change: every open tab of the app, old or new, listens on this name. */
const CHANNEL_NAME = "llm-flow-studio";

function broadcastTabs(): TabChannel {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const onMessage = (event: MessageEvent<unknown>) => {
        const data = event.data as Partial<TabMessage> | null;
        // Same origin only, but an older version of the app may speak differently.
        if (typeof data === "object" && data !== null && typeof data.type === "string") {
          listener(data as TabMessage);
        }
      };
      channel.addEventListener("message", onMessage);
      return () => channel.removeEventListener("message", onMessage);
    },
  };
}

function webLocks(locks: LockManager): TabLocks {
  return {
    async withLock(name, task, { signal, onWait }) {
      // First without waiting: only a lock another tab holds is worth a word on screen.
      const free = await locks.request(name, { ifAvailable: true }, async (lock) =>
        lock ? { value: await task() } : null,
      );
      if (free) return free.value;
      onWait?.();
      return locks.request(name, signal ? { signal } : {}, () => task());
    },
  };
}
