import { afterEach, describe, expect, it } from "vitest";
import { openTestStorage } from "../storage/storageTestSupport";
import type { StudioStorage } from "../storage/studioStorage";
import { memoryKeyValueStorage } from "./browserServices";
import { createStudioStore } from "./createStudioStore";
import { SESSION_KEYS_KEY } from "./credentialRecords";
import { SETTINGS } from "./settingsKeys";
import { REPLACED_NOTICE } from "./storageHealthEngine";
import { fakeBrowserServices, openTestStudio, type TestStudio } from "./storeTestSupport";

let studio: TestStudio | undefined;
afterEach(async () => {
  await studio?.state().dispose();
  studio?.storage.close();
  studio = undefined;
});

describe("opening the studio", () => {
  it("opens the storage once however often init() is called", async () => {
    const storage = await openTestStorage();
    let opened = 0;
    const store = createStudioStore({
      browser: fakeBrowserServices(),
      storage: async () => {
        opened++;
        return storage;
      },
    });
    expect(store.getState().status).toBe("loading");
    await Promise.all([store.getState().init(), store.getState().init()]);
    expect(opened).toBe(1);
    expect(store.getState().status).toBe("ready");
    expect(store.getState().flows).toHaveLength(1);
    await store.getState().dispose();
    storage.close();
  });

  it("says why when the storage cannot be opened", async () => {
    const store = createStudioStore({
      browser: fakeBrowserServices(),
      storage: async () => {
        throw new Error("The user denied permission");
      },
    });
    await store.getState().init();
    expect(store.getState().status).toBe("failed");
    expect(store.getState().loadError).toBe(
      "Could not open this browser's storage: The user denied permission",
    );
    await expect(store.getState().readRun("r" as never)).rejects.toThrow("not open yet");
  });

  it("asks for a reload when another tab upgrades the database", async () => {
    const storage = await openTestStorage();
    let versionChange: () => void | Promise<void> = () => {};
    const store = createStudioStore({
      browser: fakeBrowserServices(),
      storage: async (options) => {
        versionChange = options.onVersionChange;
        return storage;
      },
    });
    await store.getState().init();
    await versionChange();
    // The workspace stays on screen (the reply in it too); sending says to reload.
    expect(store.getState()).toMatchObject({ status: "ready", replaced: true });
    expect(store.getState().sendBlocker()).toBe(REPLACED_NOTICE);
    await store.getState().dispose();
    storage.close();
  });

  it("loads the saved credentials, session-only keys from this tab's sessionStorage", async () => {
    const storage: StudioStorage = await openTestStorage();
    await storage.settings.put(SETTINGS.keyStorage, "session");
    await storage.settings.put(SETTINGS.credentials, {
      "openai-compatible": { baseUrl: "http://o.test" },
    });
    const sessionStorage = memoryKeyValueStorage();
    sessionStorage.setItem(SESSION_KEYS_KEY, JSON.stringify({ openai: "sk-tab" }));
    studio = await openTestStudio({ storage, browser: fakeBrowserServices({ sessionStorage }) });
    expect(studio.state().keyStorage).toBe("session");
    expect(studio.state().credentials).toEqual({
      "openai-compatible": { baseUrl: "http://o.test" },
      openai: { apiKey: "sk-tab" },
    });

    await studio.state().setApiKey("anthropic", "sk-ant");
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEYS_KEY) ?? "{}")).toEqual({
      openai: "sk-tab",
      anthropic: "sk-ant",
    });
    expect(JSON.stringify(await storage.settings.get(SETTINGS.credentials))).not.toContain("sk-");
  });
});
