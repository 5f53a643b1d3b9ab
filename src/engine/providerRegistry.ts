import type { ProviderResolver } from "./provider";
import type { Timers } from "./timers";

/**
 * The providers the app uses. Every provider, `echo` too, loads on the first call that needs
 * it (the AI SDK and the hosted providers in chunks of their own) (a separate chunk in the browser build).
 * `pageOrigin` lets a CORS failure name the origin Ollama must allow; `timers` run the
 * timeouts and rate-limit waits (tests pass fake ones).
 */
export function createProviderResolver(
  options: { pageOrigin?: string; timers?: Timers } = {},
): ProviderResolver {
  return async (name) => {
    if (name === "echo") return (await import("./echoProvider")).echoProvider;
    const [{ createAiSdkProvider }, { withRateLimitRetries }] = await Promise.all([
      import("./providers/aiSdkProvider"),
      import("./providers/rateLimitRetry"),
    ]);
    return withRateLimitRetries(createAiSdkProvider(options), options.timers);
  };
}

export const defaultProviders: ProviderResolver = createProviderResolver();
