import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { ModelRequest } from "./modelRequest";
import { pacedFetch } from "./pacedFetch";

/** The caller checks that there is a base URL: such a server has no address of its own. */
export function languageModel({ model, apiKey, baseUrl }: ModelRequest): LanguageModel {
  return createOpenAICompatible({
    name: "openai-compatible",
    baseURL: baseUrl ?? "",
    fetch: pacedFetch,
    apiKey,
    includeUsage: true,
  })(model);
}
