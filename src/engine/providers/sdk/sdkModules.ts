import type { HostedProvider } from "../providerTable";
import type { SdkModule } from "./modelRequest";

/**
 * Each provider's AI SDK package behind its own dynamic import, so a flow that uses only
 * Anthropic never downloads OpenAI's or Google's client (each is tens of kB gzipped).
 */
export const SDK_MODULES: Record<HostedProvider, () => Promise<SdkModule>> = {
  openai: () => import("./openaiModel"),
  anthropic: () => import("./anthropicModel"),
  google: () => import("./googleModel"),
  "openai-compatible": () => import("./openaiCompatibleModel"),
};
