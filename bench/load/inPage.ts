/*
 * Code that runs inside the app's page for the load and backup cases. Playwright sends each
 * function as its source text, so each is self-contained (see bench/canvas/inPage.ts and its
 * NAME_SHIM for the one helper tsx adds).
 */

/** The probe's handles on `window`, read by the evaluate calls in loadBench.ts. */
export interface LoadWindow {
  __load: {
    /** The longest main-thread task (PerformanceObserver "longtask") since the last reset. */
    longestTask: number;
    resetLongestTask(): void;
    /** When a file input last changed: the user chose a file. */
    fileChosenAt: number;
    /** When the user last clicked a button named `clickWatch` (set by the bench). */
    clickWatch: string;
    clickedAt: number;
    /**
     * Resolves with the performance.now() of the animation frame after `ready()` first held:
     * by then the browser has drawn it. Rejects after `timeoutMs`, saying what was missing.
     */
    waitFor(what: Readiness, timeoutMs: number): Promise<number>;
    /**
     * On a page loaded while sessionStorage holds OPEN_WATCH_KEY (the text the open app must
     * show): the wait for it, started before the app's first script, so the time it resolves
     * with counts from navigation start.
     */
    opened: Promise<number | string> | null;
  };
}

/** What the page must show to count as ready. */
export type Readiness =
  /** The app open and usable: the composer there, and the chat showing `text`, on screen. */
  | { kind: "usable"; text: string }
  /** The restore preview drawn, with its message count. */
  | { kind: "preview"; messages: string }
  /** The restore done: its dialog closed and the restored conversation's `text` on screen. */
  | { kind: "restored"; text: string };

/** The sessionStorage key that asks the next page load to time its open (see `opened`). */
export const OPEN_WATCH_KEY = "__benchOpenWatch";

/** Installed before the app's first script, on every document of the context. */
export function installLoadProbe(openWatchKey: string): void {
  const probe: LoadWindow["__load"] = {
    opened: null,
    longestTask: 0,
    resetLongestTask() {
      probe.longestTask = 0;
    },
    fileChosenAt: 0,
    clickWatch: "",
    clickedAt: 0,
    waitFor(what, timeoutMs) {
      /** Whether `text` is drawn inside the chat's visible area (the transcript scrolls). */
      const shownInChat = (text: string) => {
        const chat = document.querySelector('section[aria-label="Chat"]');
        if (!chat) return false;
        const area = chat.getBoundingClientRect();
        const walker = document.createTreeWalker(chat, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.textContent !== text) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const r = range.getBoundingClientRect();
          if (r.height > 0 && r.top >= area.top && r.bottom <= area.bottom) return true;
        }
        return false;
      };
      const composerReady = () => {
        const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]');
        const opening = [...document.querySelectorAll("p.status")].some((p) =>
          p.textContent?.startsWith("Opening"),
        );
        return box !== null && !box.disabled && !opening;
      };
      const restoreDialog = () =>
        [...document.querySelectorAll("dialog[open]")].find(
          (d) =>
            document.getElementById(d.getAttribute("aria-labelledby") ?? "")?.textContent ===
            "Restore backup",
        );
      const ready = (): string | null => {
        if (what.kind === "preview") {
          const dialog = restoreDialog();
          if (!dialog) return "no restore dialog";
          const counts = [...dialog.querySelectorAll("dt")].find(
            (dt) => dt.textContent === "Memory messages",
          );
          return counts?.nextElementSibling?.textContent === what.messages
            ? null
            : "no message count";
        }
        if (what.kind === "restored" && restoreDialog()) return "the restore dialog is open";
        if (!composerReady()) return "no usable composer";
        return shownInChat(what.text) ? null : `"${what.text}" not on screen in the chat`;
      };
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const tick = () => {
          const missing = ready();
          if (missing === null) {
            requestAnimationFrame(() => resolve(performance.now()));
            return;
          }
          if (performance.now() - started > timeoutMs) {
            reject(new Error(`not ready after ${timeoutMs / 1000} s: ${missing}`));
            return;
          }
          requestAnimationFrame(tick);
        };
        tick();
      });
    },
  };
  (window as unknown as LoadWindow).__load = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longestTask = Math.max(probe.longestTask, entry.duration);
    }
  }).observe({ type: "longtask", buffered: true });
  document.addEventListener(
    "change",
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === "file") {
        probe.fileChosenAt = performance.now();
      }
    },
    true,
  );
  document.addEventListener(
    "click",
    (event) => {
      const button = event.target instanceof Element ? event.target.closest("button") : null;
      if (button && button.textContent === probe.clickWatch) probe.clickedAt = performance.now();
    },
    true,
  );
  const watch = sessionStorage.getItem(openWatchKey);
  if (watch !== null) {
    // A string is why it never got there; the bench turns it into a failed row.
    probe.opened = probe.waitFor({ kind: "usable", text: watch }, 60_000).catch(String);
  }
}
