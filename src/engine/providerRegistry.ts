import { echoProvider } from "./echoProvider";
import type { ProviderResolver } from "./provider";

/**
 * The providers the app uses. Only `echo` is in the first page: the AI SDK and the hosted
 * providers load on the first call that needs them (a separate chunk in the browser build).
 */
export const defaultProviders: ProviderResolver = async (name) => {
  if (name === "echo") return echoProvider;
  const { aiSdkProvider } = await import("./providers/aiSdkProvider");
  return aiSdkProvider;
};
