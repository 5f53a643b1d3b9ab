import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import type { ModelRequest } from "./modelRequest";
import { pacedFetch } from "./pacedFetch";

export function languageModel({ model, apiKey, baseUrl }: ModelRequest): LanguageModel {
  // .chat: Chat Completions, which every OpenAI-compatible server and our mock speak.
  return createOpenAI({ apiKey, baseURL: baseUrl, fetch: pacedFetch }).chat(model);
}
