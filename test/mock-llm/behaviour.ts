/** What the mock LLM server does with one completion request; tests script it per request. */
export interface MockBehaviour {
  /** The reply text. Default: `Mock reply #N to "<last user message>"`. */
  reply?: string;
  /** How the reply is cut into stream chunks. Default: one chunk per word (with its trailing space). */
  chunks?: readonly string[];
  /** Wait this long before sending the response headers (a slow-starting model). */
  startDelayMs?: number;
  /** Wait this long between stream chunks (a slow model; lets a test press Stop mid-stream). */
  chunkDelayMs?: number;
  /** Pace the stream at this many chunks per second; each chunk counts as one token. */
  tokensPerSecond?: number;
  /** Token counts to report instead of the mock's word-count estimate. */
  usage?: { inputTokens: number; outputTokens: number };
  /** Answer with an error in the provider's own shape instead of a reply. */
  fail?: MockFailure;
  /** For `fail: "rate-limit"`: the `retry-after` header's value (seconds or an HTTP date). Default "7". */
  retryAfter?: string;
  /** For `fail: "rate-limit"`: also send `retry-after-ms` (OpenAI does). */
  retryAfterMs?: number;
  /** Streaming only: send this many text chunks, then destroy the socket (a dropped connection). */
  cutAfterChunks?: number;
  /** Streaming only: after this many text chunks, send an event whose data is not valid JSON. */
  malformedAfterChunks?: number;
  /** Never answer: no status, no headers, the connection held open until the client gives up. */
  hang?: boolean;
  /** Streaming only: send this many text chunks, then nothing more, holding the connection open. */
  stallAfterChunks?: number;
}

/**
 * A scripted failure. The named ones answer as the real provider does for that case
 * (status, headers and error body); `{status, message}` answers any other status.
 */
export type MockFailure =
  | "invalid-key"
  | "model-not-found"
  | "rate-limit"
  | "server-error"
  | { status: number; message: string };

/** Everything a route needs to answer one completion request. */
export interface ReplyPlan {
  /** 1-based count of completion requests since the server started or was reset. */
  replyNumber: number;
  text: string;
  chunks: readonly string[];
  chunkDelayMs: number;
  inputTokens: number;
  outputTokens: number;
}

export function planReply(
  behaviour: MockBehaviour,
  replyNumber: number,
  lastUserMessage: string,
  promptText: string,
): ReplyPlan {
  const text =
    behaviour.reply ??
    (behaviour.chunks ? behaviour.chunks.join("") : defaultReply(replyNumber, lastUserMessage));
  const chunks = behaviour.chunks ?? splitIntoChunks(text);
  const chunkDelayMs =
    behaviour.chunkDelayMs ?? (behaviour.tokensPerSecond ? 1000 / behaviour.tokensPerSecond : 0);
  return {
    replyNumber,
    text,
    chunks,
    chunkDelayMs,
    inputTokens: behaviour.usage?.inputTokens ?? countWords(promptText),
    outputTokens: behaviour.usage?.outputTokens ?? chunks.length,
  };
}

export function defaultReply(replyNumber: number, lastUserMessage: string): string {
  return `Mock reply #${replyNumber} to "${lastUserMessage}"`;
}

/** Word by word, so even a short reply streams in several pieces. */
export function splitIntoChunks(text: string): string[] {
  const pieces = text.match(/\s*\S+\s*/g);
  return pieces && pieces.length > 0 ? pieces : [text];
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** The headers a provider sends with a 429, so callers know when to try again. */
export function rateLimitHeaders(behaviour: MockBehaviour): Record<string, string> {
  return {
    "retry-after": behaviour.retryAfter ?? "7",
    ...(behaviour.retryAfterMs !== undefined
      ? { "retry-after-ms": String(behaviour.retryAfterMs) }
      : {}),
  };
}
