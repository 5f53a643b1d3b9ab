import { PROVIDERS, type ProviderName } from "../engine/flow";
import type { KeyDestination, ProviderCredentials } from "../engine/provider";
import { originOf } from "../engine/providers/keyBinding";
import type { KeyValueStorage } from "./browserServices";
import { SETTINGS } from "./settingsKeys";

/**
 * Where API keys are kept. "browser": in IndexedDB until removed. "session": in memory and
 * this tab's sessionStorage (so a reload keeps them), never in IndexedDB; gone with the tab.
 * Base URLs are not secrets: they stay in IndexedDB either way.
 */
export type KeyStorage = "browser" | "session";

/** A field set to "" (or undefined) is removed. */
export interface CredentialPatch {
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
}

/** What credentials need of the settings repository (tests pass a fake). */
export interface SettingsStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The credentials part of the studio store. */
export interface CredentialsState {
  credentials: ProviderCredentials;
  keyStorage: KeyStorage;
  /** Same as setCredential(provider, { apiKey }). */
  setApiKey(provider: ProviderName, apiKey: string): Promise<void>;
  setCredential(provider: ProviderName, patch: CredentialPatch): Promise<void>;
  /** Switching to "session" deletes the keys saved in IndexedDB; to "browser" saves them there. */
  setKeyStorage(mode: KeyStorage): Promise<void>;
  /** Lets each provider's key go to that origin too (the user said so: Settings, the chat). */
  approveKeyOrigins(destinations: readonly KeyDestination[]): Promise<void>;
  /** Takes an approval back: the key no longer goes to that origin. */
  removeKeyOrigin(destination: KeyDestination): Promise<void>;
}

/** sessionStorage key of the session-only keys. Do not change: open tabs hold it. */
export const SESSION_KEYS_KEY = "llm-flow-studio.sessionApiKeys";

type ApiKeys = Partial<Record<ProviderName, string>>;

/**
 * The credentials slice. `session` is this tab's sessionStorage (null where the browser
 * refuses it): the session-only keys live there. `settings` is undefined until the storage
 * is open; until then credentials live in memory only.
 */
export function createCredentialsSlice(
  set: (patch: Partial<CredentialsState>) => void,
  get: () => CredentialsState,
  deps: { session: KeyValueStorage | null; settings: () => SettingsStore | undefined },
): CredentialsState {
  const { session } = deps;
  const save = (
    settings: SettingsStore | undefined,
    credentials: ProviderCredentials,
    mode: KeyStorage,
  ) => saveCredentials(session, settings, credentials, mode);
  return {
    credentials: {},
    keyStorage: "browser",

    setApiKey(provider, apiKey) {
      return get().setCredential(provider, { apiKey });
    },

    setCredential(provider, patch) {
      const { credentials, keyStorage } = get();
      const next = withPatch(credentials, provider, patch);
      set({ credentials: next });
      // Started before any await: IndexedDB then applies the writes in the order typed.
      return save(deps.settings(), next, keyStorage);
    },

    approveKeyOrigins(destinations) {
      let next = get().credentials;
      for (const { provider, origin } of destinations) {
        const approved = next[provider]?.approvedOrigins ?? [];
        const normal = originOf(origin);
        if (normal && !approved.includes(normal)) {
          next = withApprovals(next, provider, [...approved, normal]);
        }
      }
      if (next === get().credentials) return Promise.resolve();
      set({ credentials: next });
      return save(deps.settings(), next, get().keyStorage);
    },

    removeKeyOrigin({ provider, origin }) {
      const { credentials, keyStorage } = get();
      const approved = credentials[provider]?.approvedOrigins ?? [];
      if (!approved.includes(origin)) return Promise.resolve();
      const next = withApprovals(
        credentials,
        provider,
        approved.filter((o) => o !== origin),
      );
      set({ credentials: next });
      return save(deps.settings(), next, keyStorage);
    },

    async setKeyStorage(mode) {
      const { credentials, keyStorage } = get();
      if (mode === keyStorage) return;
      set({ keyStorage: mode });
      const settings = deps.settings();
      if (mode === "session") {
        // The mode first: if the tab dies between the writes, loading removes the keys left.
        await Promise.all([
          settings?.put(SETTINGS.keyStorage, mode),
          save(settings, credentials, mode),
        ]);
      } else {
        // The keys first: if the tab dies between the writes, the session copy still holds them.
        await Promise.all([
          save(settings, credentials, mode),
          settings?.put(SETTINGS.keyStorage, mode),
        ]);
        writeSessionKeys(session, {});
      }
    },
  };
}

/** The saved mode and credentials, cleaning up keys a switch to "session" did not finish removing. */
export async function loadCredentials(
  settings: SettingsStore,
  session: KeyValueStorage | null,
): Promise<Pick<CredentialsState, "credentials" | "keyStorage">> {
  const keyStorage: KeyStorage =
    (await settings.get(SETTINGS.keyStorage)) === "session" ? "session" : "browser";
  const saved = parseCredentials(await settings.get(SETTINGS.credentials));
  if (keyStorage === "browser") return { keyStorage, credentials: saved };
  const kept = withoutKeys(saved);
  if (Object.keys(apiKeysOf(saved)).length > 0) await putOrDelete(settings, kept);
  return { keyStorage, credentials: withKeys(kept, readSessionKeys(session)) };
}

function saveCredentials(
  session: KeyValueStorage | null,
  settings: SettingsStore | undefined,
  credentials: ProviderCredentials,
  mode: KeyStorage,
): Promise<void> {
  if (mode === "browser") return settings ? putOrDelete(settings, credentials) : Promise.resolve();
  writeSessionKeys(session, apiKeysOf(credentials));
  return settings ? putOrDelete(settings, withoutKeys(credentials)) : Promise.resolve();
}

function putOrDelete(settings: SettingsStore, credentials: ProviderCredentials): Promise<void> {
  return Object.keys(credentials).length === 0
    ? settings.delete(SETTINGS.credentials)
    : settings.put(SETTINGS.credentials, credentials);
}

function withPatch(
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
function withApprovals(
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

function apiKeysOf(credentials: ProviderCredentials): ApiKeys {
  const keys: ApiKeys = {};
  for (const provider of PROVIDERS) {
    const apiKey = credentials[provider]?.apiKey;
    if (apiKey) keys[provider] = apiKey;
  }
  return keys;
}

function withoutKeys(credentials: ProviderCredentials): ProviderCredentials {
  let next = credentials;
  for (const provider of PROVIDERS) next = withPatch(next, provider, { apiKey: undefined });
  return next;
}

function withKeys(credentials: ProviderCredentials, keys: ApiKeys): ProviderCredentials {
  let next = credentials;
  for (const provider of PROVIDERS) {
    const apiKey = keys[provider];
    if (apiKey) next = withPatch(next, provider, { apiKey });
  }
  return next;
}

/** Settings come back `unknown` (an older build may have written them): keep what fits. */
function parseCredentials(value: unknown): ProviderCredentials {
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

function readSessionKeys(session: KeyValueStorage | null): ApiKeys {
  try {
    const text = session?.getItem(SESSION_KEYS_KEY);
    const parsed: unknown = text ? JSON.parse(text) : {};
    return apiKeysOf(parseCredentials(toCredentials(parsed)));
  } catch {
    // Unreadable or unavailable (some privacy modes): the keys are simply asked for again.
    return {};
  }
}

function writeSessionKeys(session: KeyValueStorage | null, keys: ApiKeys): void {
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
