import type { LanguageModel } from "ai";

/** What choosing a model takes: the name, and where and how to reach it. */
export interface ModelRequest {
  model: string;
  apiKey?: string;
  baseUrl?: string;
}

/** One provider's SDK module: each is its own chunk, loaded on the first call to it. */
export interface SdkModule {
  languageModel(request: ModelRequest): LanguageModel;
}
