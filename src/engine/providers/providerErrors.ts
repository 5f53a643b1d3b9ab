import type { ProviderName } from "../flow";
import { ProviderError } from "../provider";
import { needsBaseUrl, PROVIDER_TABLE } from "./providerTable";

/** What the error mapping needs to know about the call that failed. */
export interface ProviderErrorContext {
  provider: ProviderName;
  model: string;
  /** The base URL the call went to (the provider's default when the user set none). */
  baseUrl?: string;
  /** Only used to scrub it from any text a provider echoes back; never shown. */
  apiKey?: string;
  /** This page's origin, for the Ollama CORS hint; a placeholder is shown without it. */
  pageOrigin?: string;
  /** True once reply text arrived: a network failure then means the stream broke off. */
  receivedText?: boolean;
}

/** The base URL a provider's calls go to when the user sets none (named in network errors). */
export function defaultBaseUrl(provider: ProviderName): string | undefined {
  return PROVIDER_TABLE[provider].defaultBaseUrl ?? undefined;
}

/** How a provider is named to the user, e.g. "OpenAI" or "the OpenAI-compatible server at …". */
export function providerLabel(provider: ProviderName, baseUrl?: string): string {
  const name = PROVIDER_TABLE[provider].inSentence;
  return needsBaseUrl(provider) && baseUrl ? `${name} at ${baseUrl}` : name;
}

/**
 * The AI SDK's errors, as fields rather than classes: matching by `name` works across the
 * several copies of @ai-sdk/provider a bundle may hold, and keeps this module free of the SDK.
 */
interface ApiCallErrorLike {
  name: "AI_APICallError";
  message: string;
  statusCode?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  cause?: unknown;
}

/** Turns whatever a provider call threw into an error a user can act on. */
export function toProviderError(error: unknown, context: ProviderErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const cause = unwrap(error);
  const label = providerLabel(context.provider, context.baseUrl);
  const Label = capitalise(label);
  const make = (
    kind: ProviderError["kind"],
    message: string,
    details: Omit<ProviderError["details"], "provider"> = {},
  ) =>
    new ProviderError(kind, redact(message, context.apiKey), {
      ...details,
      provider: context.provider,
    });

  if (isAbort(cause)) return make("aborted", "Stopped.");

  // The SDK reports a body that broke off while streaming as an API call error with the
  // reply's own status (200), so a status below 400 means "cut", not "refused".
  if (isApiCallError(cause) && cause.statusCode !== undefined && cause.statusCode >= 400) {
    const failure = {
      status: cause.statusCode,
      body: cause.responseBody,
      headers: cause.responseHeaders,
      fallback: cause.message,
    };
    return httpFailureError(failure, context);
  }

  if (isApiCallError(cause) || isNetworkFailure(cause)) {
    const streaming = isApiCallError(cause) && cause.statusCode !== undefined;
    if (context.receivedText || streaming) {
      return make(
        "network",
        `The connection to ${label} broke off ${
          context.receivedText ? "in the middle of the reply" : "before the reply arrived"
        }. Try again.`,
      );
    }
    return make("network", networkMessage(context));
  }

  const name = errorName(cause);
  if (name === "AI_LoadAPIKeyError") {
    return make("auth", `No API key is set for ${label}. Add one in Settings.`);
  }
  if (
    name === "AI_JSONParseError" ||
    name === "AI_TypeValidationError" ||
    name === "AI_InvalidResponseDataError" ||
    name === "AI_EmptyResponseBodyError" ||
    name === "AI_NoOutputGeneratedError"
  ) {
    return make(
      "bad-response",
      `${Label} sent a reply this app could not read${
        context.receivedText ? " part-way through" : ""
      }. Try again.${unreadableHint(context)}`,
    );
  }
  return make(
    "bad-response",
    `The call to ${label} failed unexpectedly: ${quote(errorMessage(cause), context.apiKey)}`,
  );
}

/** An HTTP answer that refused a call, as plain facts: every caller words it the same way. */
export interface HttpFailure {
  /** The HTTP status, 400 or more. */
  status: number;
  /** The response body as text: the provider's own reason is read from it. */
  body?: string;
  /** The response headers (for retry-after). */
  headers?: Record<string, string>;
  /** Quoted when the body gives no reason, e.g. the HTTP client's own summary. */
  fallback?: string;
}

/**
 * A refused call in words a user can act on: a bad key, a missing model, a rate limit, a
 * server error or a rejected request. Chat calls (through toProviderError) and connection
 * tests (listModels) both use it, so the same answer reads the same in both places.
 */
export function httpFailureError(
  failure: HttpFailure,
  context: ProviderErrorContext,
): ProviderError {
  const { status } = failure;
  const label = providerLabel(context.provider, context.baseUrl);
  const Label = capitalise(label);
  const raw = messageInBody(failure.body) ?? failure.fallback ?? "";
  const said = quote(raw, context.apiKey);
  const speaker = needsBaseUrl(context.provider) ? "The server" : Label;
  const quoted = said ? ` ${speaker} said: "${said}"` : "";
  const make = (
    kind: ProviderError["kind"],
    message: string,
    details: { retryAfterSeconds?: number } = {},
  ) =>
    new ProviderError(kind, redact(message, context.apiKey), {
      ...details,
      status,
      provider: context.provider,
    });

  // Gemini answers a bad key with 400 INVALID_ARGUMENT, not 401.
  if (status === 401 || status === 403 || (status === 400 && /api[ _-]?key/i.test(raw))) {
    return make("auth", `The API key for ${label} was refused (${status}). Check it in Settings.`);
  }
  if (status === 404 || (status === 400 && mentionsMissingModel(said))) {
    const saysModel = mentionsMissingModel(said) || said.includes(context.model);
    // Retrying cannot help: the chat points to the node's Model field instead.
    return make(
      "model-not-found",
      `The model "${context.model}" does not exist at ${label}: change it in the node's Model field${
        saysModel ? "" : ` (or check the base URL: ${status})`
      }.${quoted}`,
    );
  }
  if (status === 429) {
    const retryAfterSeconds = retryAfter(failure.headers);
    const when =
      retryAfterSeconds === undefined
        ? "Wait a moment and try again."
        : `Try again in ${formatSeconds(retryAfterSeconds)}.`;
    return make(
      "rate-limit",
      `${Label} is limiting requests (429). ${when}${quoted}`,
      retryAfterSeconds === undefined ? {} : { retryAfterSeconds },
    );
  }
  if (status >= 500) {
    return make(
      "server",
      `${Label} had a server error (${status}). This is usually temporary: try again in a moment.${quoted}`,
    );
  }
  return make(
    "bad-request",
    `${Label} rejected the request (${status}): ${said || "no reason given"}`,
  );
}

function unreadableHint(context: ProviderErrorContext): string {
  if (context.provider === "openai-compatible") {
    return " If it keeps happening, the server may not be fully OpenAI-compatible.";
  }
  const custom = context.baseUrl && context.baseUrl !== defaultBaseUrl(context.provider);
  return custom ? " If it keeps happening, check the base URL in Settings." : "";
}

function networkMessage(context: ProviderErrorContext): string {
  const where = context.baseUrl ?? defaultBaseUrl(context.provider) ?? "its base URL";
  const name = PROVIDER_TABLE[context.provider].inSentence;
  const base = `Could not reach ${name} at ${where}. The server may be down, the address may be wrong, or it may not allow requests from this page (CORS).`;
  if (context.provider !== "openai-compatible") return base;
  const origin = context.pageOrigin ?? "<this page's origin, e.g. http://localhost:5173>";
  return `${base} If it is Ollama, start it allowing this page: OLLAMA_ORIGINS=${origin} ollama serve`;
}

/** The SDK wraps the real failure when it retried; the last attempt's error is the one to explain. */
function unwrap(error: unknown): unknown {
  if (errorName(error) === "AI_RetryError") {
    return (error as { lastError?: unknown }).lastError ?? error;
  }
  return error;
}

function isApiCallError(error: unknown): error is ApiCallErrorLike {
  return errorName(error) === "AI_APICallError";
}

function isAbort(error: unknown): boolean {
  const name = errorName(error);
  return name === "AbortError" || name === "ResponseAborted";
}

/**
 * fetch rejects with a bare TypeError on network and CORS failures; its text differs by
 * runtime: "fetch failed" and "terminated" (Node), "Failed to fetch" and "network error"
 * (Chrome), "NetworkError when attempting to fetch resource." (Firefox), "Load failed" (Safari).
 */
function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  return /fetch failed|failed to fetch|terminated|network ?error|load failed|socket|other side closed|body stream/i.test(
    error.message,
  );
}

function mentionsMissingModel(text: string): boolean {
  return /model[^.]*\b(not found|does not exist|not exist|unknown|not supported|no such)/i.test(
    text,
  );
}

function messageInBody(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const candidates = [
      path(parsed, "error", "message"),
      path(parsed, "message"),
      path(parsed, "error"),
      path(parsed, "detail"),
    ];
    return candidates.find((value): value is string => typeof value === "string" && value !== "");
  } catch {
    // Not JSON (an HTML error page from a proxy, say): a short plain-text body is still useful.
    return body.length < 300 && !body.trimStart().startsWith("<") ? body.trim() : undefined;
  }
}

function path(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Seconds to wait, from `retry-after-ms` (OpenAI) or `retry-after` (seconds or an HTTP date). */
export function retryAfter(
  headers: Record<string, string> | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const get = (name: string) =>
    Object.entries(headers)
      .find(([key]) => key.toLowerCase() === name)?.[1]
      ?.trim();
  const ms = Number(get("retry-after-ms"));
  if (get("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms / 1000;
  const value = get("retry-after");
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function formatSeconds(seconds: number): string {
  if (seconds < 1) return "a second";
  const rounded = Math.ceil(seconds);
  if (rounded < 120) return `${rounded} second${rounded === 1 ? "" : "s"}`;
  return `${Math.ceil(rounded / 60)} minutes`;
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "unknown error";
}

/**
 * A provider's own words, fit to show: the key masked first, then cut. Cut first, a key that
 * straddles the cut would be shortened past recognition and shown in part.
 */
function quote(text: string, apiKey: string | undefined): string {
  return shorten(redact(text, apiKey));
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Providers sometimes echo the key (or part of it) back; it must never reach the screen. */
function redact(message: string, apiKey: string | undefined): string {
  if (!apiKey || apiKey.length < 4) return message;
  return message.split(apiKey).join("[API key]");
}
