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
  messages: readonly SentMessage[];
  temperature?: number;
  maxTokens?: number;
  signal: AbortSignal;
  /** Called with each piece of text as it streams in. */
  onDelta: (text: string) => void;
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
  | "bad-response";

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number; provider?: ProviderName } = {},
  ) {
    super(message);
  }
}

/** Credentials and endpoints from the user's settings, by provider. Never stored in a flow. */
export type ProviderCredentials = Partial<
  Record<ProviderName, { apiKey?: string; baseUrl?: string }>
>;
