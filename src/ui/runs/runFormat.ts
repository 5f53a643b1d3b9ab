import type { RunError } from "../../engine/runSnapshot";

/** A duration as people say it: "85 ms", "1.2 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** Wall-clock time of a run; the date too when it was not today. */
export function formatClock(at: number, now: number = Date.now()): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString([], {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  if (new Date(now).toDateString() === date.toDateString()) return time;
  return `${date.toLocaleDateString([], { month: "short", day: "numeric" })} ${time}`;
}

const PREVIEW_WORDS = 8;
const PREVIEW_CHARS = 60;

/** The start of a chat message, for a list row: a few words, one line. */
export function firstWords(text: string): string {
  const words = text.trim().split(/\s+/);
  let preview = words.slice(0, PREVIEW_WORDS).join(" ");
  const cut = words.length > PREVIEW_WORDS || preview.length > PREVIEW_CHARS;
  if (preview.length > PREVIEW_CHARS) preview = preview.slice(0, PREVIEW_CHARS - 1);
  return cut ? `${preview}…` : preview;
}

export type RowStatus = "ok" | "error" | "aborted" | "running" | "interrupted" | "skipped";

export const STATUS_WORDS: Record<RowStatus, string> = {
  ok: "Done",
  error: "Failed",
  aborted: "Stopped",
  running: "Running…",
  interrupted: "Interrupted",
  skipped: "Skipped",
};

/** What each kind of failure means for the user, before the provider's own message. */
const ERROR_WORDS: Record<RunError["kind"], string> = {
  auth: "The provider refused the API key: check it in Settings.",
  "model-not-found": "The provider does not know this model.",
  "rate-limit": "The provider is limiting requests: too many, too fast.",
  "bad-request": "The provider rejected the request.",
  server: "The provider had a problem on its side.",
  network: "The provider could not be reached (network or CORS).",
  aborted: "Stopped before it finished: nothing was added to memory.",
  "bad-response": "The provider's answer could not be read.",
  timeout: "The provider stopped answering: the call gave up waiting.",
  "key-not-approved": "Your API key is not approved for this server: nothing was sent.",
  validation: "The flow could not run.",
  internal: "Something went wrong inside the studio.",
};

/** An error in words: what it means, then what the provider said, then when to retry. */
export function errorInWords(error: RunError): string {
  const parts = [ERROR_WORDS[error.kind] ?? "It failed."];
  if (error.message && error.message !== "Stopped.") parts.push(error.message);
  if (error.retryAfterSeconds !== undefined) {
    parts.push(`Try again in ${formatDuration(error.retryAfterSeconds * 1000)}.`);
  }
  return parts.join(" ");
}
