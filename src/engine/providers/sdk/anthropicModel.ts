import { createAnthropic } from "@ai-sdk/anthropic";
import type { LanguageModel } from "ai";
import { PROVIDER_TABLE } from "../providerTable";
import type { ModelRequest } from "./modelRequest";
import { pacedFetch } from "./pacedFetch";

export function languageModel({ model, apiKey, baseUrl }: ModelRequest): LanguageModel {
  return createAnthropic({
    apiKey,
    baseURL: baseUrl,
    fetch: pacedFetch,
    headers: { ...PROVIDER_TABLE.anthropic.browserHeaders },
  })(model);
}
