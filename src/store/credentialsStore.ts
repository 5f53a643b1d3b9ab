import type { ProviderName } from "../engine/flow";
import type { KeyDestination, ProviderCredentials } from "../engine/provider";
import { originOf } from "../engine/url";
import type { KeyValueStorage } from "./browserServices";
import { type CredentialPatch, withApprovals, withPatch } from "./credentialRecords";

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

/**
 * What the loaded credentials code does: the actions that seal, unlock or move keys, and the
 * save of credentials the slice has already put in the state.
 */
export type CredentialActions = Pick<
  CredentialsState,
  "lockKeys" | "unlockKeys" | "setKeyStorage"
> & {
  /** Saves `credentials` as `mode` keeps keys (IndexedDB, this tab's session, or sealed). */
  persist(credentials: ProviderCredentials, mode: KeyStorage): Promise<void>;
};

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
 * The credentials slice. A typed key, base URL or approval changes the state at once; its save,
 * and sealing, unlocking or moving keys, run in the credentials code (credentialActions.ts),
 * which loads as the storage opens or on the first call. Calls made before it is there wait
 * for it in the order made, so writes reach IndexedDB in the order typed.
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
    setApiKey(provider, apiKey) {
      return get().setCredential(provider, { apiKey });
    },

    // The state changes at once, in the event that typed it (a key field bound to the store
    // keeps its caret); the save follows, in the order typed.
    setCredential(provider, patch) {
      const { credentials, keyStorage, keysLocked } = get();
      // A key typed while the others are sealed could not be sealed with them: unlock first.
      if (keysLocked && "apiKey" in patch) {
        return Promise.reject(new Error("Unlock the saved keys first."));
      }
      const next = withPatch(credentials, provider, patch);
      set({ credentials: next });
      return run((a) => a.persist(next, keyStorage));
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
      const mode = get().keyStorage;
      return run((a) => a.persist(next, mode));
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
      return run((a) => a.persist(next, keyStorage));
    },

    setKeyStorage: (mode) => run((a) => a.setKeyStorage(mode)),
  };
}
