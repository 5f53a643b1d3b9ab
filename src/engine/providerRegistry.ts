import { echoProvider } from "./echoProvider";
import type { ProviderResolver } from "./provider";

/**
 * The providers the app uses. Only `echo` is in the first page: the AI SDK and the hosted
 * providers load on the first call that needs them (a separate chunk in the browser build).
 * `pageOrigin` lets a CORS failure name the origin Ollama must allow.
 */
export function createProviderResolver(options: { pageOrigin?: string } = {}): ProviderResolver {
  return async (name) => {
    if (name === "echo") return echoProvider;
    const { createAiSdkProvider } = await import("./providers/aiSdkProvider");
    return createAiSdkProvider(options);
  };
}

export const defaultProviders: ProviderResolver = createProviderResolver();
