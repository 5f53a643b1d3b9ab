import { PROVIDERS, type ProviderName } from "../flow";

/** The providers reached over HTTP: everything but echo, which runs in the page. */
export type HostedProvider = Exclude<ProviderName, "echo">;

/** How a hosted provider expects its API key. */
export interface KeyHeader {
  /** The request header that carries the key. */
  name: "authorization" | "x-api-key" | "x-goog-api-key";
  /** False when a server may run without one (a local Ollama usually does). */
  required: boolean;
}

/** Everything the app says or needs about one provider, in one place. */
export interface ProviderInfo {
  /** The node's provider menu and the import preview: "OpenAI-compatible (Ollama, …)". */
  menuLabel: string;
  /** Settings' section heading and the start of its fields' names ("Anthropic base URL"). */
  title: string;
  /** How messages name it mid-sentence: "Could not reach Google Gemini at …". */
  inSentence: string;
  /** Who receives the API key, in the notes beside the key fields ("goes only to …"). */
  keyRecipient: string;
  /** Where calls go when the user sets no base URL; null when there is no such place. */
  defaultBaseUrl: string | null;
  /** An address to show as an example when the user must type one, or null. */
  baseUrlExample: string | null;
  /**
   * The model a node gets when it is switched to this provider: a small, current one. The
   * node's Model field offers the provider's own list where it has one; a name can be typed.
   */
  defaultModel: string;
  /** Shown in an empty model field: model names change faster than this file. */
  modelPlaceholder: string;
  /** Null for echo, which needs no key. */
  keyHeader: KeyHeader | null;
  /** Headers every call from a browser page must carry besides the key. */
  browserHeaders: Readonly<Record<string, string>>;
  /** The provider's page for creating API keys, linked from Settings; null if it has none. */
  docsUrl: string | null;
  /**
   * Known context lengths in tokens, by model name prefix, most specific first: the call
   * warns when it would not fit. A model matching none has no known length (no warning).
   */
  contextLengths: readonly (readonly [prefix: string, tokens: number])[];
}

/** The one table of providers: labels, addresses, keys. Add a provider here first. */
export const PROVIDER_TABLE = {
  echo: {
    menuLabel: "Echo (offline, no key)",
    title: "Echo",
    inSentence: "Echo",
    keyRecipient: "no one",
    defaultBaseUrl: null,
    baseUrlExample: null,
    defaultModel: "echo",
    modelPlaceholder: "echo",
    keyHeader: null,
    browserHeaders: {},
    docsUrl: null,
    contextLengths: [],
  },
  openai: {
    menuLabel: "OpenAI",
    title: "OpenAI",
    inSentence: "OpenAI",
    keyRecipient: "OpenAI",
    defaultBaseUrl: "https://api.openai.com/v1",
    baseUrlExample: null,
    defaultModel: "gpt-4o-mini",
    modelPlaceholder: "e.g. gpt-4o-mini",
    keyHeader: { name: "authorization", required: true },
    browserHeaders: {},
    docsUrl: "https://platform.openai.com/api-keys",
    contextLengths: [
      ["gpt-4o", 128_000],
      ["gpt-4.1", 1_047_576],
      ["gpt-4.5", 128_000],
      ["gpt-4-turbo", 128_000],
      ["gpt-4", 8_192],
      ["gpt-3.5-turbo", 16_385],
      ["gpt-5", 400_000],
      ["o1", 200_000],
      ["o3", 200_000],
      ["o4", 200_000],
    ],
  },
  anthropic: {
    menuLabel: "Anthropic",
    title: "Anthropic",
    inSentence: "Anthropic",
    keyRecipient: "Anthropic",
    defaultBaseUrl: "https://api.anthropic.com/v1",
    baseUrlExample: null,
    defaultModel: "claude-sonnet-4-5",
    modelPlaceholder: "e.g. claude-sonnet-4-5",
    keyHeader: { name: "x-api-key", required: true },
    // Anthropic refuses calls from a browser page unless the caller opts in.
    browserHeaders: { "anthropic-dangerous-direct-browser-access": "true" },
    docsUrl: "https://console.anthropic.com/settings/keys",
    contextLengths: [["claude", 200_000]],
  },
  google: {
    menuLabel: "Google",
    title: "Google",
    inSentence: "Google Gemini",
    keyRecipient: "Google",
    defaultBaseUrl: "https://generativelanguage.googleapis.com/v1beta",
    baseUrlExample: null,
    defaultModel: "gemini-2.5-flash",
    modelPlaceholder: "e.g. gemini-2.5-flash",
    // In a header, not ?key=: a key in a URL ends up in histories, logs and proxies.
    keyHeader: { name: "x-goog-api-key", required: true },
    browserHeaders: {},
    docsUrl: "https://aistudio.google.com/apikey",
    contextLengths: [["gemini", 1_048_576]],
  },
  "openai-compatible": {
    menuLabel: "OpenAI-compatible (Ollama, LM Studio, vLLM…)",
    title: "OpenAI-compatible",
    inSentence: "the OpenAI-compatible server",
    keyRecipient: "your OpenAI-compatible server",
    defaultBaseUrl: null,
    // Ollama's address: the most common local server.
    baseUrlExample: "http://localhost:11434/v1",
    defaultModel: "llama3.2",
    modelPlaceholder: "e.g. llama3.2",
    keyHeader: { name: "authorization", required: false },
    browserHeaders: {},
    docsUrl: null,
    // Any model on any server: its length is not known here.
    contextLengths: [],
  },
} as const satisfies Record<ProviderName, ProviderInfo>;

/** The hosted providers, in menu order (Settings has a section for each). */
export const HOSTED_PROVIDERS: readonly HostedProvider[] = PROVIDERS.filter(
  (p): p is HostedProvider => p !== "echo",
);

/** True for the names in the table; a flow file may name any string. */
export const isProviderName = (name: unknown): name is ProviderName =>
  (PROVIDERS as readonly unknown[]).includes(name);

/**
 * A hosted provider with no address of its own needs the user's: the base URL is required.
 * Takes any name, so a flow file's unknown provider reads as "no" instead of crashing.
 */
export const needsBaseUrl = (provider: string): boolean =>
  isProviderName(provider) &&
  provider !== "echo" &&
  PROVIDER_TABLE[provider].defaultBaseUrl === null;

/** The header that carries `apiKey` to `provider` (none without a key). */
export function keyHeaders(provider: HostedProvider, apiKey: string | undefined) {
  const header = PROVIDER_TABLE[provider].keyHeader;
  if (!apiKey) return {};
  return { [header.name]: header.name === "authorization" ? `Bearer ${apiKey}` : apiKey };
}

/** The model's context length in tokens where the table knows it, else null. */
export function contextLengthOf(provider: string, model: string): number | null {
  if (!isProviderName(provider)) return null;
  const name = model.trim().toLowerCase();
  const table: ProviderInfo["contextLengths"] = PROVIDER_TABLE[provider].contextLengths;
  return table.find(([prefix]) => name.startsWith(prefix))?.[1] ?? null;
}
