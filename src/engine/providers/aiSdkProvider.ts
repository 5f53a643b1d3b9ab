import { type LanguageModel, type ModelMessage, streamText } from "ai";
import type { SentMessage } from "../messages";
import {
  DEFAULT_CALL_TIMEOUTS,
  type LlmProvider,
  ProviderError,
  type ProviderRequest,
  type TokenUsage,
} from "../provider";
import { realTimers, type Timers } from "../timers";
import { defaultBaseUrl, providerLabel, toProviderError } from "./providerErrors";
import { needsBaseUrl, PROVIDER_TABLE } from "./providerTable";
import { SDK_MODULES } from "./sdk/sdkModules";
import { StreamWatchdog, silenceError } from "./streamWatchdog";

export interface AiSdkProviderOptions {
  /** This page's origin (e.g. "http://localhost:5173"), named in the Ollama CORS hint. */
  pageOrigin?: string;
  /** The timers the first-byte and idle timeouts run on (tests pass fake ones). */
  timers?: Timers;
}

/** The hosted providers and any OpenAI-compatible server, through the Vercel AI SDK. */
export function createAiSdkProvider(options: AiSdkProviderOptions = {}): LlmProvider {
  return async (request) => {
    const context = {
      provider: request.provider,
      model: request.model,
      baseUrl: request.baseUrl ?? defaultBaseUrl(request.provider),
      apiKey: request.apiKey,
      pageOrigin: options.pageOrigin,
    };
    const messages = toModelMessages(request.messages);
    const model = await languageModel(request);

    let text = "";
    let usage: TokenUsage = {};
    // An exception from the caller's onDelta is the caller's own: passed on, not relabelled.
    let callerError: { error: unknown } | undefined;
    const timeouts = request.timeouts ?? DEFAULT_CALL_TIMEOUTS;
    const watchdog = new StreamWatchdog(timeouts, options.timers ?? realTimers);
    // Checked after the user's Stop: a stopped call is "Stopped", not a timeout.
    const silent = () =>
      watchdog.fired &&
      silenceError(
        watchdog.fired,
        timeouts,
        providerLabel(request.provider, context.baseUrl),
        request.provider,
      );
    try {
      const result = streamText({
        model,
        messages,
        // The system prompt is written by the flow's author, so a system message is intended.
        allowSystemInMessages: true,
        temperature: request.temperature,
        maxOutputTokens: request.maxTokens,
        abortSignal: AbortSignal.any([request.signal, watchdog.signal]),
        // Retrying is the user's call (the UI offers it, with the provider's retry-after).
        maxRetries: 0,
        // Errors arrive as stream parts below; the default handler would console.error them.
        onError: () => {},
      });
      for await (const part of result.fullStream) {
        // "start" is the SDK's own, before any byte came back; every other part is the server's.
        if (part.type !== "start") watchdog.heard();
        if (part.type === "text-delta") {
          if (part.text === "") continue;
          text += part.text;
          try {
            request.onDelta(part.text);
          } catch (error) {
            callerError = { error };
            throw error;
          }
        } else if (part.type === "error") {
          throw part.error;
        } else if (part.type === "abort") {
          throw new ProviderError("aborted", "Stopped.", { provider: request.provider });
        } else if (part.type === "finish") {
          usage = {
            inputTokens: part.totalUsage.inputTokens,
            outputTokens: part.totalUsage.outputTokens,
          };
        }
      }
    } catch (error) {
      if (callerError) throw callerError.error;
      if (request.signal.aborted) {
        throw new ProviderError("aborted", "Stopped.", { provider: request.provider });
      }
      throw silent() || toProviderError(error, { ...context, receivedText: text !== "" });
    } finally {
      watchdog.stop();
    }
    // The SDK ends the stream quietly on abort; a half reply must not pass as a whole one.
    if (request.signal.aborted) {
      throw new ProviderError("aborted", "Stopped.", { provider: request.provider });
    }
    const timedOut = silent();
    if (timedOut) throw timedOut;
    return { text, usage };
  };
}

export const aiSdkProvider: LlmProvider = createAiSdkProvider();

/** The provider's model, from its own SDK chunk (fetched on the first call to it). */
async function languageModel(request: ProviderRequest): Promise<LanguageModel> {
  const { provider, model, apiKey, baseUrl, withoutKey } = request;
  if (provider === "echo") {
    throw new ProviderError("bad-request", 'The AI SDK does not serve the "echo" provider.', {
      provider,
    });
  }
  const { keyHeader, baseUrlExample } = PROVIDER_TABLE[provider];
  if (keyHeader.required && !apiKey && !withoutKey) {
    // Checked here so the SDK never falls back to an environment variable.
    throw new ProviderError(
      "auth",
      `No API key is set for ${providerLabel(provider)}. Add one in Settings.`,
      { provider },
    );
  }
  if (needsBaseUrl(provider) && !baseUrl) {
    const example = baseUrlExample ? `, e.g. ${baseUrlExample} for Ollama` : "";
    throw new ProviderError(
      "bad-request",
      `The ${PROVIDER_TABLE[provider].title} provider needs a base URL${example}. Set it in Settings.`,
      { provider },
    );
  }
  const sdk = await SDK_MODULES[provider]().catch(() => {
    // The app's own chunk, not the provider, failed: offline, or a new version was deployed.
    throw new ProviderError(
      "network",
      `Could not load this app's ${PROVIDER_TABLE[provider].title} client. Check the connection and reload the page.`,
      { provider },
    );
  });
  // Without the key by the user's choice: an empty one, so the SDK never looks for another.
  return sdk.languageModel({ model, apiKey: withoutKey ? "" : apiKey, baseUrl });
}

/** Drops the source tags: the provider sees only role and text. */
function toModelMessages(messages: readonly SentMessage[]): ModelMessage[] {
  return messages.map((message): ModelMessage => {
    switch (message.role) {
      case "system":
        return { role: "system", content: message.content };
      case "user":
        return { role: "user", content: message.content };
      case "assistant":
        return { role: "assistant", content: message.content };
      default:
        // Tool results need a tool call to answer; flows have no tools yet, so none can be sent.
        throw new ProviderError(
          "bad-request",
          "This flow sends a tool message, and tool calls are not supported yet.",
        );
    }
  });
}
