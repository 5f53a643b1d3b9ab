import type { ProviderName } from "../../engine/flow";
import { needsBaseUrl, PROVIDER_TABLE } from "../../engine/providers/providerTable";
import { NODE_ID_PATTERN } from "../../engine/template";
import { isHttpUrl } from "../../engine/url";

/** A field's text read as a config value, or why it is refused (the shape of parseWindowSize). */
export type Parsed<T> = { value: T } | { error: string };

/** Free text: always accepted; empty removes the field so the flow file stays minimal. */
export const parseOptionalText = (text: string): Parsed<string | undefined> => ({
  value: text === "" ? undefined : text,
});

export function parseModel(text: string): Parsed<string> {
  const trimmed = text.trim();
  return trimmed === "" ? { error: "Enter a model name." } : { value: trimmed };
}

// A loose decimal: "0.", ".5" and "1.25" are fine mid-typing; signs and exponents are not.
const DECIMAL = /^(\d+\.?\d*|\.\d+)$/;

export function parseTemperature(text: string): Parsed<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === "") return { value: undefined };
  const n = Number(trimmed);
  if (!DECIMAL.test(trimmed) || n > 2) {
    return { error: "Use a number from 0 to 2, or leave empty for the provider's default." };
  }
  return { value: n };
}

export function parseMaxTokens(text: string): Parsed<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === "") return { value: undefined };
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    return { error: "Use a whole number ≥ 1, or leave empty for the default." };
  }
  return { value: Number(trimmed) };
}

export function parseMemoryId(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === "") return { error: "Name the memory, or switch memory off." };
  if (!NODE_ID_PATTERN.test(trimmed)) {
    return { error: "Use letters, digits and _, not starting with a digit." };
  }
  return { value: trimmed };
}

/** Empty means the provider's own endpoint, which an OpenAI-compatible server does not have. */
export function parseBaseUrl(provider: ProviderName, text: string): Parsed<string | undefined> {
  const trimmed = text.trim();
  if (trimmed === "") {
    const { inSentence, baseUrlExample } = PROVIDER_TABLE[provider];
    const example = baseUrlExample ? ` (Ollama: ${baseUrlExample})` : "";
    return needsBaseUrl(provider)
      ? { error: `${capitalise(inSentence)} needs its address${example}.` }
      : { value: undefined };
  }
  return isHttpUrl(trimmed) ? { value: trimmed } : { error: "Use an http:// or https:// address." };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Numbers and optional fields as the user sees them: absent is an empty box. */
export const formatOptional = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? "" : String(value);
