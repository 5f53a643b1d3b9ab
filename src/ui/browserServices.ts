import type { BrowserServices, KeyValueStorage } from "../store/browserServices";

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
    tabs: typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL_NAME),
    locks: (typeof navigator !== "undefined" && navigator.locks) || null,
  };
}

/** Do not change: every open tab of the app, old or new, listens on this name. */
const CHANNEL_NAME = "llm-flow-studio";
