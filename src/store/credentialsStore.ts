import type { ProviderName } from "../engine/flow";
import type { KeyDestination, ProviderCredentials } from "../engine/provider";
import type { KeyValueStorage } from "./browserServices";
import type { CredentialPatch } from "./credentialRecords";

/**
 * The credentials code (credentialActions.ts): loaded as the storage opens (createStudioStore
 * starts it beside the database) or on the first call, not with the first page.
 */
const loadCredentialActions = () => import("./credentialActions");
type CredentialCode = Awaited<ReturnType<typeof loadCredentialActions>>;

/**
 * Where API keys are kept. "browser": in IndexedDB until removed. "session": in memory and
 * this tab's sessionStorage (so a reload keeps them), never in IndexedDB; gone with the tab.
 * "passphrase": in IndexedDB sealed with the user's passphrase (keyVault.ts), unlocked once
 * per page load. Base URLs and approvals are not secrets: they stay in IndexedDB either way.
 */
export type KeyStorage = "browser" | "session" | "passphrase";

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
  /** Passphrase mode before unlock: the saved keys are sealed and not in `credentials`. */
  keysLocked: boolean;
  /** Same as setCredential(provider, { apiKey }). */
  setApiKey(provider: ProviderName, apiKey: string): Promise<void>;
  setCredential(provider: ProviderName, patch: CredentialPatch): Promise<void>;
  /**
   * Switching to "session" deletes the keys saved in IndexedDB; to "browser" saves them there
   * (from "passphrase", only once unlocked). "passphrase" is chosen with lockKeys.
   */
  setKeyStorage(mode: Exclude<KeyStorage, "passphrase">): Promise<void>;
  /** Seals the keys with `passphrase` and keeps them so from now on (no plain copy stays). */
  lockKeys(passphrase: string): Promise<void>;
  /** Opens the sealed keys for this page load; a wrong passphrase throws and changes nothing. */
  unlockKeys(passphrase: string): Promise<void>;
  /** Lets each provider's key go to that origin too (the user said so: Settings, the chat). */
  approveKeyOrigins(destinations: readonly KeyDestination[]): Promise<void>;
  /** Takes an approval back: the key no longer goes to that origin. */
  removeKeyOrigin(destination: KeyDestination): Promise<void>;
}

/** The slice's actions: everything in CredentialsState but its data. */
export type CredentialActions = Omit<CredentialsState, "credentials" | "keyStorage" | "keysLocked">;

/**
 * `session` is this tab's sessionStorage (null where the browser refuses it): the session-only
 * keys live there. `settings` is undefined until the storage is open; until then credentials
 * live in memory only.
 */
export interface CredentialsDeps {
  session: KeyValueStorage | null;
  settings: () => SettingsStore | undefined;
}

/**
 * The credentials slice. Its code loads as the storage opens (or on the first call): from
 * then on each action runs synchronously up to its first write, as before, so a key field
 * bound to the store keeps its caret and writes reach IndexedDB in the order typed. A call
 * before the code is there waits for it, in order.
 */
export function createCredentialsSlice(
  set: (patch: Partial<CredentialsState>) => void,
  get: () => CredentialsState,
  deps: CredentialsDeps,
): CredentialsState & {
  /** Loads the code now and returns the module's functions (loadCredentials too). */
  loadCredentialCode(): Promise<CredentialCode>;
} {
  let ready: CredentialActions | null = null;
  let loading: Promise<CredentialCode> | null = null;
  const load = () => {
    loading ??= loadCredentialActions().then((code) => {
      ready = code.credentialActions(set, get, deps);
      return code;
    });
    return loading;
  };
  const run = <T>(action: (actions: CredentialActions) => Promise<T>): Promise<T> =>
    ready ? action(ready) : load().then(() => action(ready as CredentialActions));
  return {
    credentials: {},
    keyStorage: "browser",
    keysLocked: false,
    loadCredentialCode: load,
    lockKeys: (passphrase) => run((a) => a.lockKeys(passphrase)),
    unlockKeys: (passphrase) => run((a) => a.unlockKeys(passphrase)),
    setApiKey: (provider, apiKey) => run((a) => a.setApiKey(provider, apiKey)),
    setCredential: (provider, patch) => run((a) => a.setCredential(provider, patch)),
    approveKeyOrigins: (destinations) => run((a) => a.approveKeyOrigins(destinations)),
    removeKeyOrigin: (destination) => run((a) => a.removeKeyOrigin(destination)),
    setKeyStorage: (mode) => run((a) => a.setKeyStorage(mode)),
  };
}
