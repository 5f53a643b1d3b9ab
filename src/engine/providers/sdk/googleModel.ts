import { createGoogleGenerativeAI } from "@ai-sdk/google";
import type { LanguageModel } from "ai";
import type { ModelRequest } from "./modelRequest";
import { pacedFetch } from "./pacedFetch";

export function languageModel({ model, apiKey, baseUrl }: ModelRequest): LanguageModel {
  return createGoogleGenerativeAI({ apiKey, baseURL: baseUrl, fetch: pacedFetch })(model);
}
