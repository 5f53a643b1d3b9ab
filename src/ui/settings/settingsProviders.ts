import type { ListableProvider } from "../../engine/providers/listModels";
import { DEFAULT_BASE_URLS } from "../../engine/providers/providerErrors";

/** The providers Settings has a section for, in the order shown. */
export const SETTINGS_PROVIDERS: readonly ListableProvider[] = [
  "openai",
  "anthropic",
  "google",
  "openai-compatible",
];

/** Section headings, and the start of each field's accessible name ("Anthropic base URL"). */
export const SECTION_TITLES: Record<ListableProvider, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  "openai-compatible": "OpenAI-compatible",
};

/** Who receives the key, for the note beside it: "Sent only to …". */
export const KEY_RECIPIENTS: Record<ListableProvider, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  "openai-compatible": "the server at this base URL",
};

/** The Ollama address is an example: an OpenAI-compatible server has no default. */
export const BASE_URL_PLACEHOLDERS: Record<ListableProvider, string> = {
  openai: DEFAULT_BASE_URLS.openai ?? "",
  anthropic: DEFAULT_BASE_URLS.anthropic ?? "",
  google: DEFAULT_BASE_URLS.google ?? "",
  "openai-compatible": "http://localhost:11434/v1",
};

/** Why a typed base URL cannot be used, or null (empty is fine: the default, or the node's). */
export function baseUrlProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  try {
    const { protocol } = new URL(trimmed);
    if (protocol === "http:" || protocol === "https:") return null;
  } catch {
    // Not a URL at all: the same answer as a wrong scheme.
  }
  return "Use an http:// or https:// address.";
}
