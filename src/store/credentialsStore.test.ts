import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStorage } from "../storage/storageTestSupport";
import type { StudioStorage } from "../storage/studioStorage";
import { type KeyValueStorage, memoryKeyValueStorage } from "./browserServices";
import { loadCredentials } from "./credentialActions";
import { SESSION_KEYS_KEY } from "./credentialRecords";
import { type CredentialsState, createCredentialsSlice } from "./credentialsStore";
import { SETTINGS } from "./settingsKeys";

/** The slice in a store of its own, as the studio store holds it. */
function hostOn(storage: StudioStorage | null, loaded: Partial<CredentialsState> = {}) {
  let state: CredentialsState;
  const set = (patch: Partial<CredentialsState>) => {
    state = { ...state, ...patch };
  };
  const settings = () => storage?.settings;
  state = { ...createCredentialsSlice(set, () => state, { session, settings }), ...loaded };
  return () => state;
}

let storage: StudioStorage;
/** This tab's sessionStorage. */
let session: KeyValueStorage;
beforeEach(async () => {
  storage = await openTestStorage();
  session = memoryKeyValueStorage();
});
afterEach(() => storage.close());

const saved = () => storage.settings.get(SETTINGS.credentials);

describe("credentials", () => {
  it("saves a key and a base URL in this browser, trimmed, and forgets a cleared one", async () => {
    const state = hostOn(storage);
    await state().setCredential("openai", { apiKey: " sk-one\n" });
    await state().setCredential("openai", { baseUrl: "http://proxy.test/v1" });
    expect(state().credentials.openai).toEqual({
      apiKey: "sk-one",
      baseUrl: "http://proxy.test/v1",
    });
    expect(await saved()).toEqual({
      openai: { apiKey: "sk-one", baseUrl: "http://proxy.test/v1" },
    });

    await state().setApiKey("openai", "");
    await state().setCredential("openai", { baseUrl: "" });
    expect(state().credentials).toEqual({});
    expect(await saved()).toBeUndefined();
  });

  it("keeps the last of quickly typed keys (each keystroke saves)", async () => {
    const state = hostOn(storage);
    await Promise.all(["s", "sk", "sk-", "sk-abc"].map((k) => state().setApiKey("anthropic", k)));
    expect(await saved()).toEqual({ anthropic: { apiKey: "sk-abc" } });
  });

  it("session-only: deletes the saved keys, keeps base URLs, and holds the keys in this tab", async () => {
    const state = hostOn(storage);
    await state().setCredential("openai", { apiKey: "sk-one", baseUrl: "http://a.test/v1" });
    await state().setApiKey("google", "goog-two");
    await state().setKeyStorage("session");

    expect(await saved()).toEqual({ openai: { baseUrl: "http://a.test/v1" } });
    expect(await storage.settings.get(SETTINGS.keyStorage)).toBe("session");
    expect(state().credentials.google?.apiKey).toBe("goog-two");
    expect(JSON.parse(session.getItem(SESSION_KEYS_KEY) ?? "{}")).toEqual({
      openai: "sk-one",
      google: "goog-two",
    });

    // Typed while session-only: never reaches IndexedDB.
    await state().setApiKey("anthropic", "sk-ant-three");
    expect(JSON.stringify(await saved())).not.toContain("sk-ant-three");

    // A reload in the same tab finds them again.
    const reloaded = await loadCredentials(storage.settings, session);
    expect(reloaded.keyStorage).toBe("session");
    expect(reloaded.credentials).toEqual({
      openai: { baseUrl: "http://a.test/v1", apiKey: "sk-one" },
      google: { apiKey: "goog-two" },
      anthropic: { apiKey: "sk-ant-three" },
    });
  });

  it("back to this browser: saves the keys in IndexedDB and empties the session copy", async () => {
    const state = hostOn(storage);
    await state().setKeyStorage("session");
    await state().setApiKey("openai", "sk-one");
    await state().setKeyStorage("browser");
    expect(await saved()).toEqual({ openai: { apiKey: "sk-one" } });
    expect(await storage.settings.get(SETTINGS.keyStorage)).toBe("browser");
    expect(session.getItem(SESSION_KEYS_KEY)).toBeNull();
  });

  it("on load in session mode, removes keys an interrupted switch left in IndexedDB", async () => {
    await storage.settings.put(SETTINGS.keyStorage, "session");
    await storage.settings.put(SETTINGS.credentials, { openai: { apiKey: "sk-left" } });
    const loaded = await loadCredentials(storage.settings, session);
    expect(loaded.credentials).toEqual({});
    expect(await saved()).toBeUndefined();
  });

  it("reads what an older build saved, dropping what does not fit", async () => {
    await storage.settings.put(SETTINGS.credentials, {
      openai: { apiKey: "sk-one", extra: 1 },
      anthropic: { apiKey: 42 },
      nonsense: { apiKey: "x" },
    });
    expect(await loadCredentials(storage.settings, session)).toEqual({
      keyStorage: "browser",
      keysLocked: false,
      credentials: { openai: { apiKey: "sk-one" } },
    });
  });

  it("works before storage is open (memory only)", async () => {
    const state = hostOn(null);
    await state().setApiKey("openai", "sk-one");
    await state().setKeyStorage("session");
    expect(state().credentials.openai?.apiKey).toBe("sk-one");
  });
});

describe("approved origins", () => {
  const EVIL = "http://evil.test:8080";

  it("saves an approval with the credentials, once, and takes it back", async () => {
    const state = hostOn(storage);
    await state().setApiKey("openai", "sk-one");
    await state().approveKeyOrigins([
      { provider: "openai", origin: `${EVIL}/` },
      { provider: "openai", origin: EVIL },
    ]);
    expect(await saved()).toEqual({ openai: { apiKey: "sk-one", approvedOrigins: [EVIL] } });
    const reloaded = await loadCredentials(storage.settings, session);
    expect(reloaded.credentials.openai?.approvedOrigins).toEqual([EVIL]);

    await state().removeKeyOrigin({ provider: "openai", origin: EVIL });
    expect(await saved()).toEqual({ openai: { apiKey: "sk-one" } });
  });

  it("keeps approvals in IndexedDB in session-only mode, the keys in the tab", async () => {
    const state = hostOn(storage);
    await state().setApiKey("anthropic", "sk-ant");
    await state().approveKeyOrigins([{ provider: "anthropic", origin: EVIL }]);
    await state().setKeyStorage("session");
    expect(await saved()).toEqual({ anthropic: { approvedOrigins: [EVIL] } });
    const reloaded = await loadCredentials(storage.settings, session);
    expect(reloaded.credentials.anthropic).toEqual({ apiKey: "sk-ant", approvedOrigins: [EVIL] });
  });

  it("reads stored data from before approvals as none, and drops malformed ones", async () => {
    await storage.settings.put(SETTINGS.credentials, { google: { apiKey: "g" } });
    expect((await loadCredentials(storage.settings, session)).credentials).toEqual({
      google: { apiKey: "g" },
    });
    await storage.settings.put(SETTINGS.credentials, {
      google: {
        apiKey: "g",
        approvedOrigins: [EVIL, `${EVIL}/path`, "javascript:alert(1)", 7, EVIL],
      },
      openai: { approvedOrigins: "http://a.test" },
    });
    expect((await loadCredentials(storage.settings, session)).credentials).toEqual({
      google: { apiKey: "g", approvedOrigins: [EVIL] },
    });
  });
});

describe("keys locked with a passphrase", () => {
  it("seals the keys, keeps no plain copy, and opens them only with the passphrase", async () => {
    const state = hostOn(storage);
    await state().setCredential("openai", {
      apiKey: "sk-vault-canary",
      baseUrl: "http://a.test/v1",
    });
    await state().setKeyStorage("session");
    await state().lockKeys("hunter22");
    expect(state().keyStorage).toBe("passphrase");
    expect(await saved()).toEqual({ openai: { baseUrl: "http://a.test/v1" } });
    expect(session.getItem(SESSION_KEYS_KEY)).toBeNull();
    expect(JSON.stringify(await storage.settings.get(SETTINGS.sealedKeys))).not.toContain(
      "sk-vault-canary",
    );

    // A new page load: locked until the passphrase is given.
    const loaded = await loadCredentials(storage.settings, session);
    expect(loaded).toEqual({
      keyStorage: "passphrase",
      keysLocked: true,
      credentials: { openai: { baseUrl: "http://a.test/v1" } },
    });
    const next = hostOn(storage, loaded);
    await expect(next().setApiKey("openai", "typed-while-locked")).rejects.toThrow("Unlock");
    await expect(next().unlockKeys("wrong")).rejects.toThrow("does not unlock");
    expect(next().keysLocked).toBe(true);
    expect(next().credentials.openai?.apiKey).toBeUndefined();
    await next().unlockKeys("hunter22");
    expect(next().keysLocked).toBe(false);
    expect(next().credentials.openai).toEqual({
      apiKey: "sk-vault-canary",
      baseUrl: "http://a.test/v1",
    });

    // A changed key is sealed again, and a switch back to plain storage removes the sealed copy.
    await next().setApiKey("google", "goog-vault");
    await expect(next().unlockKeys("hunter22")).resolves.toBeUndefined();
    expect(next().credentials.google?.apiKey).toBe("goog-vault");
    await next().setKeyStorage("browser");
    expect(await storage.settings.get(SETTINGS.sealedKeys)).toBeUndefined();
    expect(await saved()).toEqual({
      openai: { apiKey: "sk-vault-canary", baseUrl: "http://a.test/v1" },
      google: { apiKey: "goog-vault" },
    });
  });
});
