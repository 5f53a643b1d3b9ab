import type { TabMessage, TabPort } from "./browserServices";

/** Posts to every other tab of the app; `listen` hears theirs (never its own). */
export interface TabChannel {
  post(message: TabMessage): void;
  listen(listener: (message: TabMessage) => void): () => void;
}

export function tabChannel(port: TabPort): TabChannel {
  return {
    post(message) {
      try {
        port.postMessage(message);
      } catch {
        // A closed channel (the page is going away): the other tabs read it on their next load.
      }
    },
    listen(listener) {
      const onMessage = ({ data }: { data: unknown }) => {
        // Same origin only, but an older version of the app may speak differently.
        const message = data as Partial<TabMessage> | null;
        if (typeof message?.type === "string") listener(message as TabMessage);
      };
      port.addEventListener("message", onMessage);
      return () => port.removeEventListener("message", onMessage);
    },
  };
}
