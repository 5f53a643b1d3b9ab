import type { ProviderCredential } from "../provider";
import { isHttpUrl } from "../url";
import { keyForCall, keyNotApprovedError } from "./keyBinding";
import {
  defaultBaseUrl,
  httpFailureError,
  type ProviderErrorContext,
  providerLabel,
  toProviderError,
} from "./providerErrors";
import { type HostedProvider, keyHeaders, PROVIDER_TABLE } from "./providerTable";

/** The providers that have a models list to ask for (echo has no server). */
export type ListableProvider = HostedProvider;

export interface ListModelsOptions {
  provider: ListableProvider;
  /** Empty or absent: the provider's default (required for `openai-compatible`). */
  baseUrl?: string;
  /** The key as typed, for a key that is not saved; ignored when `credential` is given. */
  apiKey?: string;
  /**
   * The saved credential `apiKey` comes from: the key goes to `baseUrl` only if it is bound
   * there (keyBinding.ts). Absent, `baseUrl` is taken as the key's own address (Settings').
   */
  credential?: ProviderCredential;
  /** This page's origin, named in the Ollama CORS hint (OLLAMA_ORIGINS=<origin>). */
  pageOrigin?: string;
  signal?: AbortSignal;
  /** How long to wait for an answer before giving up; default 15 seconds. */
  timeoutMs?: number;
  /** Tests route calls elsewhere (e.g. to the mock server); the global fetch by default. */
  fetch?: typeof fetch;
}

export type ListModelsResult = { ok: true; models: string[] } | { ok: false; message: string };

const ANTHROPIC_VERSION = "2023-06-01";
const OLLAMA_PORT = "11434";
const DEFAULT_TIMEOUT_MS = 15_000;
/** Enough for any real account; a server that pages forever must not hold the dialog. */
const MAX_PAGES = 10;

/**
 * Asks a provider which models it serves, to test a key and a base URL. Never throws: every
 * failure comes back as a sentence a user can act on. The API key travels only in a header
 * and is never part of a URL or a message.
 */
export async function listModels(options: ListModelsOptions): Promise<ListModelsResult> {
  const { provider } = options;
  const base = (options.baseUrl?.trim() || defaultBaseUrl(provider) || "").replace(/\/+$/, "");
  const label = providerLabel(provider, base || undefined);
  if (base === "") {
    const example = PROVIDER_TABLE[provider].baseUrlExample;
    return {
      ok: false,
      message: `${capitalise(label)} needs its base URL first${example ? `, e.g. ${example} for Ollama` : ""}.`,
    };
  }
  if (!isHttpUrl(base)) {
    return { ok: false, message: `"${base}" is not a web address: use http:// or https://.` };
  }
  const credential = options.credential ?? {
    ...(options.apiKey && { apiKey: options.apiKey }),
    ...(options.baseUrl && { baseUrl: options.baseUrl }),
  };
  const key = keyForCall(provider, credential, base);
  // Refused before any request: the message names the server and how to approve it.
  if (!key.ok) return { ok: false, message: keyNotApprovedError([key.refused]).message };
  const apiKey = key.apiKey;
  if (PROVIDER_TABLE[provider].keyHeader.required && !apiKey) {
    return { ok: false, message: `Enter the API key for ${label} first.` };
  }
  // fetch refuses such a header, and some runtimes quote the value (the key) in the refusal.
  if (apiKey && !/^[\x21-\x7e]+$/.test(apiKey)) {
    return {
      ok: false,
      message:
        "The API key contains characters no key has (spaces, line breaks or accented letters). Paste it again.",
    };
  }

  const get = requester(options, base);
  try {
    switch (provider) {
      case "openai":
        return await listOpenAi(get, provider, base, apiKey);
      case "anthropic":
        return await listAnthropic(get, base, apiKey ?? "");
      case "google":
        return await listGoogle(get, base, apiKey ?? "");
      case "openai-compatible": {
        const first = await listOpenAi(get, provider, base, apiKey);
        if (first.ok || !looksLikeOllama(base)) return first;
        // Older Ollama versions, or a base URL without /v1, have no /models: ask Ollama itself.
        const tags = await listOllamaTags(get, new URL(base).origin);
        return tags.ok ? tags : first;
      }
    }
  } catch (error) {
    return { ok: false, message: failureMessage(error, options, base) };
  }
}

/** Port 11434 (Ollama's own), or a host named for Ollama (e.g. http://ollama:8080/v1). */
export function looksLikeOllama(baseUrl: string): boolean {
  try {
    const url = new URL(baseUrl);
    return url.port === OLLAMA_PORT || /ollama/i.test(url.hostname);
  } catch {
    return false;
  }
}

/** A GET that answers with the parsed JSON or a failure in words; network errors throw. */
type Get = (url: string, headers: Record<string, string>) => Promise<Answer>;
type Answer = { ok: true; body: unknown } | { ok: false; message: string };

function requester(options: ListModelsOptions, base: string): Get {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const context = errorContext(options, base);
  return async (url, headers) => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
    const response = await fetchFn(url, { headers, signal: AbortSignal.any(signals) });
    const text = await response.text();
    if (!response.ok) {
      if (response.status === 404) {
        return {
          ok: false,
          message: `${capitalise(providerLabel(options.provider, base))} has no models list at ${withoutQuery(url)} (404). Check the base URL.`,
        };
      }
      // Worded as a failed chat call would be, from the same facts.
      const failure = {
        status: response.status,
        body: text,
        headers: Object.fromEntries(response.headers.entries()),
      };
      return { ok: false, message: inSettings(httpFailureError(failure, context).message) };
    }
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, message: unreadable(options.provider, base) };
    }
  };
}

/** OpenAI's list, which OpenAI-compatible servers (Ollama, LM Studio, vLLM...) copy. */
async function listOpenAi(
  get: Get,
  provider: ListableProvider,
  base: string,
  apiKey: string | undefined,
): Promise<ListModelsResult> {
  const answer = await get(`${base}/models`, keyHeaders(provider, apiKey));
  if (!answer.ok) return answer;
  return modelsOrUnreadable(idsIn(field(answer.body, "data"), "id"), provider, base);
}

async function listAnthropic(get: Get, base: string, apiKey: string): Promise<ListModelsResult> {
  const headers = {
    ...keyHeaders("anthropic", apiKey),
    ...PROVIDER_TABLE.anthropic.browserHeaders,
    "anthropic-version": ANTHROPIC_VERSION,
  };
  const models: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: "1000", ...(after && { after_id: after }) });
    const answer = await get(`${base}/models?${query}`, headers);
    if (!answer.ok) return answer;
    const ids = idsIn(field(answer.body, "data"), "id");
    if (!ids) return { ok: false, message: unreadable("anthropic", base) };
    models.push(...ids);
    const last = field(answer.body, "last_id");
    if (field(answer.body, "has_more") !== true || typeof last !== "string") break;
    after = last;
  }
  return { ok: true, models: tidy(models) };
}

async function listGoogle(get: Get, base: string, apiKey: string): Promise<ListModelsResult> {
  const headers = { ...keyHeaders("google", apiKey), ...PROVIDER_TABLE.google.browserHeaders };
  const models: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ pageSize: "1000", ...(token && { pageToken: token }) });
    const answer = await get(`${base}/models?${query}`, headers);
    if (!answer.ok) return answer;
    const list = field(answer.body, "models");
    if (!Array.isArray(list)) return { ok: false, message: unreadable("google", base) };
    // Embedding and other models cannot chat: list only those a flow's node can call.
    const chat = list.filter((model) => {
      const methods = field(model, "supportedGenerationMethods");
      return !Array.isArray(methods) || methods.includes("generateContent");
    });
    models.push(...(idsIn(chat, "name") ?? []).map((name) => name.replace(/^models\//, "")));
    const next = field(answer.body, "nextPageToken");
    if (typeof next !== "string" || next === "") break;
    token = next;
  }
  return { ok: true, models: tidy(models) };
}

async function listOllamaTags(get: Get, origin: string): Promise<ListModelsResult> {
  const answer = await get(`${origin}/api/tags`, {});
  if (!answer.ok) return answer;
  return modelsOrUnreadable(
    idsIn(field(answer.body, "models"), "name"),
    "openai-compatible",
    origin,
  );
}

function modelsOrUnreadable(
  ids: string[] | undefined,
  provider: ListableProvider,
  base: string,
): ListModelsResult {
  return ids ? { ok: true, models: tidy(ids) } : { ok: false, message: unreadable(provider, base) };
}

/** The string `key` of every entry, or undefined when `list` is not a list. */
function idsIn(list: unknown, key: string): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list
    .map((entry) => field(entry, key))
    .filter((id): id is string => typeof id === "string");
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Sorted and without repeats, so a long list can be scanned by eye. */
function tidy(models: readonly string[]): string[] {
  return [...new Set(models)].sort((a, b) => a.localeCompare(b));
}

function failureMessage(error: unknown, options: ListModelsOptions, base: string): string {
  const label = providerLabel(options.provider, base);
  if (options.signal?.aborted) return "Stopped.";
  if (error instanceof Error && error.name === "TimeoutError") {
    const seconds = Math.max(1, Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000));
    const within = seconds === 1 ? "a second" : `${seconds} seconds`;
    return `${capitalise(label)} did not answer within ${within}. Check the base URL, or try again.`;
  }
  return inSettings(toProviderError(error, errorContext(options, base)).message);
}

function errorContext(options: ListModelsOptions, base: string): ProviderErrorContext {
  return {
    provider: options.provider,
    model: "",
    baseUrl: base,
    // Masked wherever it came from, sent or not.
    apiKey: options.credential?.apiKey ?? options.apiKey,
    pageOrigin: options.pageOrigin,
  };
}

/** The shared messages send the user to Settings; a connection test is already there. */
function inSettings(message: string): string {
  return message.replace(/ (Check it|Set it|Add one) in Settings\./, " $1.");
}

function unreadable(provider: ListableProvider, base: string): string {
  return `${capitalise(providerLabel(provider, base))} answered, but not with a list of models this app can read. Check the base URL.`;
}

function withoutQuery(url: string): string {
  return url.split("?")[0] ?? url;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
