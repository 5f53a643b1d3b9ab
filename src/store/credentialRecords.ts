import { PROVIDERS, type ProviderName } from "../engine/flow";
import type { ProviderCredentials } from "../engine/provider";
import { originOf } from "../engine/url";
import type { KeyValueStorage } from "./browserServices";

/*
 * The credentials record as the credentials slice keeps it: pure edits of it (a key, a base
 * URL, approvals), reading it back from storage, and the session-only keys in this tab's
 * sessionStorage. No state here: credentialsStore.ts holds that.
 */

/** A field set to "" (or undefined) is removed. */
export interface CredentialPatch {
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
}

/** sessionStorage key of the session-only keys. Do not change: open tabs hold it. */
export const SESSION_KEYS_KEY = "llm-flow-studio.sessionApiKeys";

export type ApiKeys = Partial<Record<ProviderName, string>>;

export function withPatch(
  credentials: ProviderCredentials,
  provider: ProviderName,
  patch: CredentialPatch,
): ProviderCredentials {
  const entry = { ...credentials[provider] };
  for (const field of ["apiKey", "baseUrl"] as const) {
    if (!(field in patch)) continue;
    // Keys and addresses never hold spaces; a pasted key often ends in a newline.
    const value = patch[field]?.trim();
    if (value) entry[field] = value;
    else delete entry[field];
  }
  const next = { ...credentials };
  if (Object.keys(entry).length > 0) next[provider] = entry;
  else delete next[provider];
  return next;
}

/** The provider's approved origins set to `origins` (an empty list removes the field). */
export function withApprovals(
  credentials: ProviderCredentials,
  provider: ProviderName,
  origins: readonly string[],
): ProviderCredentials {
  const entry = { ...credentials[provider] };
  if (origins.length > 0) entry.approvedOrigins = [...origins];
  else delete entry.approvedOrigins;
  const next = { ...credentials };
  if (Object.keys(entry).length > 0) next[provider] = entry;
  else delete next[provider];
  return next;
}

export function apiKeysOf(credentials: ProviderCredentials): ApiKeys {
  const keys: ApiKeys = {};
  for (const provider of PROVIDERS) {
    const apiKey = credentials[provider]?.apiKey;
    if (apiKey) keys[provider] = apiKey;
  }
  return keys;
}

export function withoutKeys(credentials: ProviderCredentials): ProviderCredentials {
  let next = credentials;
  for (const provider of PROVIDERS) next = withPatch(next, provider, { apiKey: undefined });
  return next;
}

export function withKeys(credentials: ProviderCredentials, keys: ApiKeys): ProviderCredentials {
  let next = credentials;
  for (const provider of PROVIDERS) {
    const apiKey = keys[provider];
    if (apiKey) next = withPatch(next, provider, { apiKey });
  }
  return next;
}

/** Settings come back `unknown` (an older build may have written them): keep what fits. */
export function parseCredentials(value: unknown): ProviderCredentials {
  if (typeof value !== "object" || value === null) return {};
  const record = value as Record<string, unknown>;
  let credentials: ProviderCredentials = {};
  for (const provider of PROVIDERS) {
    const entry = record[provider];
    if (typeof entry !== "object" || entry === null) continue;
    const { apiKey, baseUrl, approvedOrigins } = entry as Record<string, unknown>;
    credentials = withPatch(credentials, provider, {
      apiKey: typeof apiKey === "string" ? apiKey : undefined,
      baseUrl: typeof baseUrl === "string" ? baseUrl : undefined,
    });
    // Older builds stored none: no approvals. Only well-formed origins are kept.
    const origins = Array.isArray(approvedOrigins)
      ? approvedOrigins.filter((o): o is string => typeof o === "string" && originOf(o) === o)
      : [];
    if (origins.length > 0) {
      credentials = withApprovals(credentials, provider, [...new Set(origins)]);
    }
  }
  return credentials;
}

export function readSessionKeys(session: KeyValueStorage | null): ApiKeys {
  try {
    const text = session?.getItem(SESSION_KEYS_KEY);
    const parsed: unknown = text ? JSON.parse(text) : {};
    return apiKeysOf(parseCredentials(toCredentials(parsed)));
  } catch {
    // Unreadable or unavailable (some privacy modes): the keys are simply asked for again.
    return {};
  }
}

export function writeSessionKeys(session: KeyValueStorage | null, keys: ApiKeys): void {
  try {
    if (Object.keys(keys).length === 0) session?.removeItem(SESSION_KEYS_KEY);
    else session?.setItem(SESSION_KEYS_KEY, JSON.stringify(keys));
  } catch {
    // Without sessionStorage the keys still live in memory, until this page is reloaded.
  }
}

/** { openai: "sk-…" } → { openai: { apiKey: "sk-…" } }, for parseCredentials. */
function toCredentials(keys: unknown): unknown {
  if (typeof keys !== "object" || keys === null) return {};
  return Object.fromEntries(
    Object.entries(keys).map(([provider, apiKey]) => [provider, { apiKey }]),
  );
}
