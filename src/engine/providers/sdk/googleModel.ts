import { createGoogleGenerativeAI } from "@ai-sdk/google";
import type { LanguageModel } from "ai";
import type { ModelRequest } from "./modelRequest";

export function languageModel({ model, apiKey, baseUrl }: ModelRequest): LanguageModel {
  return createGoogleGenerativeAI({ apiKey, baseURL: baseUrl })(model);
}
