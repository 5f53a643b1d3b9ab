import type { MarkdownRequest } from "./markdown.worker";
import type { HastResult } from "./markdownToHast";

/**
 * Parsing a reply's Markdown can take seconds on hostile input (long runs of `*a`, huge
 * tables): it runs in a Web Worker, and a parse that takes longer than this is abandoned (the
 * worker is ended and a new one started) and the reply stays plain text.
 */
export const PARSE_TIMEOUT_MS = 2_000;

export type Formatter = (text: string) => Promise<HastResult>;

interface Pending {
  resolve: (result: HastResult) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** A formatter over one worker at a time; a stuck worker is replaced. */
function workerFormatter(): Formatter {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = () => {
    const created = new Worker(new URL("./markdown.worker.ts", import.meta.url), {
      type: "module",
    });
    created.onmessage = (event: MessageEvent<{ id: number; result: HastResult }>) => {
      const waiting = pending.get(event.data.id);
      if (!waiting) return;
      pending.delete(event.data.id);
      clearTimeout(waiting.timer);
      waiting.resolve(event.data.result);
    };
    created.onerror = () => failAll("The Markdown formatter stopped.");
    return created;
  };

  const failAll = (reason: string) => {
    worker?.terminate();
    worker = null;
    for (const [, waiting] of pending) {
      clearTimeout(waiting.timer);
      waiting.resolve({ ok: false, reason });
    }
    pending.clear();
  };

  return (text) =>
    new Promise<HastResult>((resolve) => {
      worker ??= start();
      const id = nextId++;
      const timer = setTimeout(() => failAll("Formatting took too long."), PARSE_TIMEOUT_MS);
      pending.set(id, { resolve, timer });
      worker.postMessage({ id, text } satisfies MarkdownRequest);
    });
}

/** Where there is no Worker (unit tests under happy-dom), the same parse runs in place. */
const inPlaceFormatter: Formatter = (text) =>
  import("./markdownToHast").then(
    ({ markdownToHast }) => markdownToHast(text),
    (error: unknown) => ({ ok: false, reason: String(error) }),
  );

let shared: Formatter | null = null;

/** The page's formatter, made on first use. */
export function formatter(): Formatter {
  shared ??= typeof Worker === "function" ? workerFormatter() : inPlaceFormatter;
  return shared;
}
