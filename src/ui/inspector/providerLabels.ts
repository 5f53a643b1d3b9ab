import type { ProviderName } from "../../engine/flow";

export const PROVIDER_LABELS: Record<ProviderName, string> = {
  echo: "Echo (offline, no key)",
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  "openai-compatible": "OpenAI-compatible (Ollama, LM Studio, vLLM…)",
};

/** Short names for sentences ("goes only to OpenAI"). */
export const PROVIDER_NAMES: Record<ProviderName, string> = {
  echo: "Echo",
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  "openai-compatible": "your OpenAI-compatible server",
};

/** Examples only: model names change faster than this file. */
export const MODEL_PLACEHOLDERS: Record<ProviderName, string> = {
  echo: "echo",
  openai: "e.g. gpt-4o-mini",
  anthropic: "e.g. claude-3-5-haiku-latest",
  google: "e.g. gemini-2.0-flash",
  "openai-compatible": "e.g. llama3.2",
};
