import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { type LanguageModel, type ModelMessage, streamText } from "ai";
import type { SentMessage } from "../messages";
import {
  type LlmProvider,
  ProviderError,
  type ProviderRequest,
  type TokenUsage,
} from "../provider";
import { DEFAULT_BASE_URLS, providerLabel, toProviderError } from "./providerErrors";

export interface AiSdkProviderOptions {
  /** This page's origin (e.g. "http://localhost:5173"), named in the Ollama CORS hint. */
  pageOrigin?: string;
}

/** The hosted providers and any OpenAI-compatible server, through the Vercel AI SDK. */
export function createAiSdkProvider(options: AiSdkProviderOptions = {}): LlmProvider {
  return async (request) => {
    const context = {
      provider: request.provider,
      model: request.model,
      baseUrl: request.baseUrl ?? DEFAULT_BASE_URLS[request.provider],
      apiKey: request.apiKey,
      pageOrigin: options.pageOrigin,
    };
    const model = languageModel(request);
    const messages = toModelMessages(request.messages);

    let text = "";
    let usage: TokenUsage = {};
    // An exception from the caller's onDelta is the caller's own: passed on, not relabelled.
    let callerError: { error: unknown } | undefined;
    try {
      const result = streamText({
        model,
        messages,
        // The system prompt is written by the flow's author, so a system message is intended.
        allowSystemInMessages: true,
        temperature: request.temperature,
        maxOutputTokens: request.maxTokens,
        abortSignal: request.signal,
        // Retrying is the user's call (the UI offers it, with the provider's retry-after).
        maxRetries: 0,
        // Errors arrive as stream parts below; the default handler would console.error them.
        onError: () => {},
      });
      for await (const part of result.fullStream) {
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
      throw toProviderError(error, { ...context, receivedText: text !== "" });
    }
    // The SDK ends the stream quietly on abort; a half reply must not pass as a whole one.
    if (request.signal.aborted) {
      throw new ProviderError("aborted", "Stopped.", { provider: request.provider });
    }
    return { text, usage };
  };
}

export const aiSdkProvider: LlmProvider = createAiSdkProvider();

function languageModel(request: ProviderRequest): LanguageModel {
  const { provider, model, apiKey, baseUrl } = request;
  if (provider !== "openai-compatible" && !apiKey) {
    // Checked here so the SDK never falls back to an environment variable.
    throw new ProviderError(
      "auth",
      `No API key is set for ${providerLabel(provider)}. Add one in Settings.`,
      { provider },
    );
  }
  switch (provider) {
    case "openai":
      // .chat: Chat Completions, which every OpenAI-compatible server and our mock speak.
      return createOpenAI({ apiKey, baseURL: baseUrl }).chat(model);
    case "anthropic":
      return createAnthropic({
        apiKey,
        baseURL: baseUrl,
        // Anthropic refuses calls from a browser page unless the caller opts in.
        headers: { "anthropic-dangerous-direct-browser-access": "true" },
      })(model);
    case "google":
      return createGoogleGenerativeAI({ apiKey, baseURL: baseUrl })(model);
    case "openai-compatible":
      if (!baseUrl) {
        throw new ProviderError(
          "bad-request",
          "The OpenAI-compatible provider needs a base URL, e.g. http://localhost:11434/v1 for Ollama. Set it in Settings.",
          { provider },
        );
      }
      return createOpenAICompatible({
        name: "openai-compatible",
        baseURL: baseUrl,
        apiKey,
        includeUsage: true,
      })(model);
    default:
      throw new ProviderError(
        "bad-request",
        `The AI SDK does not serve the "${provider}" provider.`,
        {
          provider,
        },
      );
  }
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
