import type { ProviderName } from "./flow";
import type { SentMessage } from "./messages";

export interface TokenUsage {
  inputTokens?: number;
  outputTokens?: number;
}

export interface ProviderRequest {
  provider: ProviderName;
  model: string;
  baseUrl?: string;
  apiKey?: string;
  /**
   * The user chose to call this address once without the saved key (it is not approved for
   * it): no key is sent, even where the provider usually requires one.
   */
  withoutKey?: boolean;
  messages: readonly SentMessage[];
  temperature?: number;
  maxTokens?: number;
  signal: AbortSignal;
  /** Called with each piece of text as it streams in. */
  onDelta: (text: string) => void;
  /** How long to wait for the reply to start, and between its chunks; defaults when absent. */
  timeouts?: CallTimeouts;
  /** Told before each automatic retry after a rate limit, with when it will be sent. */
  onRetryWait?: (wait: RetryWait) => void;
  /** Aborted when the user gives up waiting: the call then fails with the rate limit's error. */
  retryWaitSignal?: AbortSignal;
}

/** Milliseconds without an answer after which a call gives up (Settings › Timeouts). */
export interface CallTimeouts {
  /** From sending the request to the first part of the reply. */
  firstByteMs: number;
  /** Between two parts of a reply that has started. */
  idleMs: number;
}

export const DEFAULT_CALL_TIMEOUTS: CallTimeouts = { firstByteMs: 60_000, idleMs: 60_000 };

/** An automatic retry after a rate limit, announced before the wait starts. */
export interface RetryWait {
  /** 1 for the first retry. */
  attempt: number;
  /** When the retry is sent (epoch ms, on the provider's clock). */
  until: number;
  /** Who limited the call, as a sentence names it: "OpenAI", "the OpenAI-compatible server at …". */
  providerLabel: string;
}

export interface ProviderResult {
  text: string;
  usage: TokenUsage;
}

/** One LLM API (or the offline echo) behind one function. */
export type LlmProvider = (request: ProviderRequest) => Promise<ProviderResult>;

/** Looks a provider up by name; may load its code lazily (the AI SDK is not in the first page). */
export type ProviderResolver = (name: ProviderName) => Promise<LlmProvider>;

/** What a user can be told went wrong; `kind` lets the UI offer the right next step. */
export type ProviderErrorKind =
  | "auth"
  | "model-not-found"
  | "rate-limit"
  | "bad-request"
  | "server"
  | "network"
  | "aborted"
  | "bad-response"
  | "timeout"
  /** A saved key would go to an address the user has not approved for it: nothing was sent. */
  | "key-not-approved";

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: {
      status?: number;
      retryAfterSeconds?: number;
      provider?: ProviderName;
      /** For "key-not-approved": the provider and origin pairs the key was kept from. */
      destinations?: readonly KeyDestination[];
    } = {},
  ) {
    super(message);
  }
}

/** One provider's entry in the user's settings. */
export interface ProviderCredential {
  apiKey?: string;
  /** The address set in Settings: the key may go there (the user typed it there). */
  baseUrl?: string;
  /** Origins (scheme://host:port) the user approved this key for, besides its own. */
  approvedOrigins?: readonly string[];
}

/** Credentials and endpoints from the user's settings, by provider. Never stored in a flow. */
export type ProviderCredentials = Partial<Record<ProviderName, ProviderCredential>>;

/** A server a key-bearing call would go to: the provider, and the origin of the address. */
export interface KeyDestination {
  provider: Exclude<ProviderName, "echo">;
  origin: string;
}
