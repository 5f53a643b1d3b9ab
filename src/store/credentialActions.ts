import type { ProviderCredentials } from "../engine/provider";
import { originOf } from "../engine/url";
import type { KeyValueStorage } from "./browserServices";
import {
  type ApiKeys,
  apiKeysOf,
  parseCredentials,
  readSessionKeys,
  withApprovals,
  withKeys,
  withoutKeys,
  withPatch,
  writeSessionKeys,
} from "./credentialRecords";
import type {
  CredentialActions,
  CredentialsDeps,
  CredentialsState,
  KeyStorage,
  SettingsStore,
} from "./credentialsStore";
import type { OpenVault } from "./keyVault";
import { asSealedKeys } from "./sealedKeys";
import { SETTINGS } from "./settingsKeys";

// The vault's crypto loads on the first unlock or seal, not with the first page.
const loadVault = () => import("./keyVault");

/**
 * What the credentials slice does (see createCredentialsSlice in credentialsStore.ts, which
 * loads this module on the first call, or as the storage opens).
 */
export function credentialActions(
  set: (patch: Partial<CredentialsState>) => void,
  get: () => CredentialsState,
  deps: CredentialsDeps,
): CredentialActions {
  const { session } = deps;
  /** The unlocked vault in passphrase mode: changes are sealed again with it. */
  let vault: OpenVault | null = null;
  const save = async (
    settings: SettingsStore | undefined,
    credentials: ProviderCredentials,
    mode: KeyStorage,
  ) => {
    if (mode !== "passphrase") return saveCredentials(session, settings, credentials, mode);
    if (!vault) {
      // Locked: there are no keys in memory to seal; only addresses and approvals change.
      await (settings && putOrDelete(settings, withoutKeys(credentials)));
      return;
    }
    const sealed = await vault.seal(apiKeysOf(credentials));
    await Promise.all([
      settings?.put(SETTINGS.sealedKeys, sealed),
      settings && putOrDelete(settings, withoutKeys(credentials)),
    ]);
  };
  return {
    async lockKeys(passphrase) {
      const settings = deps.settings();
      if (get().keysLocked) throw new Error("Unlock the saved keys first.");
      const next = await (await loadVault()).createVault(passphrase);
      const sealed = await next.seal(apiKeysOf(get().credentials));
      // The sealed copy first: if the tab dies between the writes, the keys are still somewhere.
      await settings?.put(SETTINGS.sealedKeys, sealed);
      await settings?.put(SETTINGS.keyStorage, "passphrase");
      vault = next;
      set({ keyStorage: "passphrase" });
      await save(settings, get().credentials, "passphrase");
      writeSessionKeys(session, {});
    },

    async unlockKeys(passphrase) {
      const settings = deps.settings();
      const sealed = asSealedKeys(await settings?.get(SETTINGS.sealedKeys));
      if (!sealed) {
        set({ keysLocked: false });
        return;
      }
      const opened = await (await loadVault()).openVault(sealed, passphrase);
      vault = opened.vault;
      set({
        keysLocked: false,
        credentials: withKeys(withoutKeys(get().credentials), opened.keys as ApiKeys),
      });
    },

    setApiKey(provider, apiKey) {
      return get().setCredential(provider, { apiKey });
    },

    setCredential(provider, patch) {
      const { credentials, keyStorage, keysLocked } = get();
      // A key typed while the others are sealed could not be sealed with them: unlock first.
      if (keysLocked && "apiKey" in patch) {
        return Promise.reject(new Error("Unlock the saved keys first."));
      }
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
      const { credentials, keyStorage, keysLocked } = get();
      if (mode === keyStorage) return;
      if (keysLocked) throw new Error("Unlock the saved keys first.");
      set({ keyStorage: mode });
      const settings = deps.settings();
      if (keyStorage === "passphrase") {
        vault = null;
        await settings?.delete(SETTINGS.sealedKeys);
      }
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
): Promise<Pick<CredentialsState, "credentials" | "keyStorage" | "keysLocked">> {
  const stored = await settings.get(SETTINGS.keyStorage);
  const keyStorage: KeyStorage =
    stored === "session" || stored === "passphrase" ? stored : "browser";
  const saved = parseCredentials(await settings.get(SETTINGS.credentials));
  if (keyStorage === "browser") return { keyStorage, credentials: saved, keysLocked: false };
  if (keyStorage === "passphrase") {
    const locked = asSealedKeys(await settings.get(SETTINGS.sealedKeys)) !== undefined;
    // A plain key left by a switch the tab did not finish is removed: the sealed copy holds it.
    if (Object.keys(apiKeysOf(saved)).length > 0 && locked) {
      await putOrDelete(settings, withoutKeys(saved));
      return { keyStorage, credentials: withoutKeys(saved), keysLocked: true };
    }
    return { keyStorage, credentials: saved, keysLocked: locked };
  }
  const kept = withoutKeys(saved);
  if (Object.keys(apiKeysOf(saved)).length > 0) await putOrDelete(settings, kept);
  return {
    keyStorage,
    credentials: withKeys(kept, readSessionKeys(session)),
    keysLocked: false,
  };
}

function saveCredentials(
  session: KeyValueStorage | null,
  settings: SettingsStore | undefined,
  credentials: ProviderCredentials,
  mode: Exclude<KeyStorage, "passphrase">,
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
