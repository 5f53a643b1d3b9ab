/**
 * Stands in for `@ai-sdk/gateway` in the app's build (vite.config.ts aliases the package to
 * this file). The AI SDK reaches Vercel's AI Gateway only for a model given as a bare id
 * string; this app always passes a provider's own model object (see sdkModules.ts), so the
 * gateway client, about 11 KB gzipped in the AI SDK chunk, would never run. `ai` also asks
 * whether an error came from the gateway: here none ever does. These are the four names `ai`
 * imports; should it import another, the build fails on the missing export.
 */

function unavailable(): never {
  throw new Error(
    "The AI Gateway is not part of LLM Flow Studio: pass a provider's model, not a model id.",
  );
}

export const gateway = Object.assign(unavailable, {
  languageModel: unavailable,
  textEmbeddingModel: unavailable,
  embeddingModel: unavailable,
  imageModel: unavailable,
});

export const createGateway = () => gateway;

export class GatewayError extends Error {
  static isInstance(_error: unknown): _error is GatewayError {
    return false;
  }
}

export class GatewayAuthenticationError extends GatewayError {}
