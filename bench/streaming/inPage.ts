/*
 * Code that runs inside the two benchmarked pages (the app and the bare page). Playwright sends
 * each function as its source text, so every function here is self-contained: browser globals
 * and its own arguments only, nothing from this module's scope.
 */

/** One SSE delta as the page received it: performance.now() of the read that completed it. */
export interface Arrival {
  at: number;
  text: string;
}

/** The reply element's text length (whitespace left out) at a moment. */
export interface Seen {
  at: number;
  chars: number;
}

/** What the probe recorded on one page, read back by the bench once the reply is on screen. */
export interface StreamRecord {
  /** When the page called fetch for the completion, and when its response headers came. */
  requestedAt: number | null;
  respondedAt: number | null;
  arrivals: Arrival[];
  /** Read in the animation frame after a mutation: just before that frame paints. */
  painted: Seen[];
  /** Read in the MutationObserver callback itself: in the DOM, not yet on screen. */
  mutated: Seen[];
  /** Every long task (over 50 ms, the API's own threshold) since the page started. */
  longTasks: { start: number; duration: number }[];
  /** Why the bench's branch of the stream stopped early, if it did. */
  readError: string | null;
}

export interface StreamBenchWindow {
  __streamBench: {
    record: StreamRecord;
    /** Starts watching the element `textSelector` (its last match) finds inside `rootSelector`. */
    watch(rootSelector: string, textSelector: string): void;
  };
}

/**
 * Installed before any page script runs (an init script): neither page knows it is measured,
 * and the app ships unchanged. It wraps window.fetch so that the first request to the mock's
 * chat completions URL has its body teed: the caller gets one branch, untouched, and the probe
 * reads the other, timing each SSE delta as the page receives it. Both branches are fed by
 * the same network reads, so a delta reaches the probe when it reaches the page's own code.
 */
export function installStreamProbe(options: { completionsUrl: string }): void {
  const record: StreamRecord = {
    requestedAt: null,
    respondedAt: null,
    arrivals: [],
    painted: [],
    mutated: [],
    longTasks: [],
    readError: null,
  };

  // Buffered: a long task that began before the observer existed is still reported.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      record.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: "longtask", buffered: true });

  const readBranch = async (branch: ReadableStream<Uint8Array>) => {
    const reader = branch.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        // One time for the whole read: events that came in one network read arrived together.
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of event.split("\n")) {
            if (!line.startsWith("data:")) continue;
            const data = line.slice(5).trim();
            if (data === "[DONE]") continue;
            const parsed = JSON.parse(data) as { choices?: { delta?: { content?: unknown } }[] };
            const text = parsed.choices?.[0]?.delta?.content;
            if (typeof text === "string" && text !== "") record.arrivals.push({ at, text });
          }
        }
      }
    } catch (error) {
      record.readError = String(error);
    }
  };

  const original = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    // Only the first completion is measured: one reply per page load.
    if (url !== options.completionsUrl || record.requestedAt !== null) {
      return original(input, init);
    }
    record.requestedAt = performance.now();
    const response = await original(input, init);
    record.respondedAt = performance.now();
    if (!response.body) return response;
    const [forCaller, forProbe] = response.body.tee();
    void readBranch(forProbe);
    const teed = new Response(forCaller, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // A Response built here has no url; a caller that reads it should still see the real one.
    Object.defineProperty(teed, "url", { value: response.url });
    return teed;
  };

  const watch = (rootSelector: string, textSelector: string) => {
    const root = document.querySelector(rootSelector);
    if (!root) throw new Error(`nothing matches ${rootSelector}`);
    // Whitespace left out: Markdown rendering collapses and trims it, the letters stay.
    const chars = () => {
      const all = root.querySelectorAll(textSelector);
      const text = all[all.length - 1]?.textContent ?? "";
      return text.replace(/\s+/g, "").length;
    };
    let frameRequested = false;
    const observer = new MutationObserver(() => {
      const mutatedChars = chars();
      if (mutatedChars !== record.mutated.at(-1)?.chars) {
        record.mutated.push({ at: performance.now(), chars: mutatedChars });
      }
      if (frameRequested) return;
      frameRequested = true;
      // The frame's own timestamp is when it began, possibly before the mutation: now() is not.
      requestAnimationFrame(() => {
        frameRequested = false;
        const paintedChars = chars();
        if (paintedChars !== record.painted.at(-1)?.chars) {
          record.painted.push({ at: performance.now(), chars: paintedChars });
        }
      });
    });
    observer.observe(root, { characterData: true, childList: true, subtree: true });
  };

  (window as unknown as StreamBenchWindow).__streamBench = { record, watch };
}
