import { createStore, type StoreApi } from "zustand";
import type { FlowId } from "../engine/ids";
import { createProviderResolver } from "../engine/providerRegistry";
import type { StudioStorage } from "../storage/studioStorage";
import { startAutosave } from "./autosave";
import { createBackupSlice } from "./backupSlice";
import { asCallTimeouts, createCallSettingsSlice } from "./callSettingsSlice";
import { createChatSessionSlice } from "./chatSessionSlice";
import { createCredentialsSlice } from "./credentialsStore";
import { anyFlow, createFlowLibrarySlice, showFlow } from "./flowLibrarySlice";
import { createFlowSaver, type FlowSaver } from "./flowSaver";
import { createFlowStore, type FlowStoreApi } from "./flowStore";
import { createMemoryEditsSlice } from "./memoryEditsSlice";
import { createNodeRunSlice } from "./nodeRunSlice";
import { asPanelLayout } from "./panelLayout";
import { createReplaySlice } from "./replaySlice";
import { SETTINGS } from "./settingsKeys";
import { asTheme } from "./settingsValues";
import { messageOf, NOT_OPEN, type SliceContext } from "./sliceContext";
import { createStorageHealth, type StorageHealth } from "./storageHealthSlice";
import { createStoreReads } from "./storeReads";
import type { StudioDeps } from "./studioDeps";
import type { LifecycleState, StudioState } from "./studioState";
import { createTabsSlice, onFlowConflict } from "./tabsSlice";
import { createViewSlice, mirroredTheme } from "./viewSlice";

/** How long opening may take before the app says why it waits. */
const PATIENCE_MS = 3000;

/** A studio store and the editor store its slices open flows into. */
export type StudioStore = StoreApi<StudioState> & { readonly editor: FlowStoreApi };

/**
 * Builds the studio store over its deps. Nothing happens until init(): no storage is opened,
 * no page listener added, so building one (in main.tsx, or per test) has no side effects.
 */
export function createStudioStore(deps: StudioDeps): StudioStore {
  const clock = deps.clock ?? (() => Date.now());
  const editor = deps.editor ?? createFlowStore({ now: clock });
  // Given as it is (tests), it serves reads before init(); init() puts the guard around it.
  let storage: StudioStorage | null = typeof deps.storage === "function" ? null : deps.storage;
  let saver: FlowSaver | null = null;
  let stopAutosave: (() => Promise<void>) | null = null;
  let stopTabSync: (() => void) | null = null;
  let initializing: Promise<void> | null = null;

  const store = createStore<StudioState>()((set, get) => {
    const ctx: SliceContext = {
      set,
      get,
      editor,
      providers: deps.providers ?? createProviderResolver({ pageOrigin: deps.browser.origin }),
      clock,
      browser: deps.browser,
      storage() {
        if (!storage) throw new Error(NOT_OPEN);
        return storage;
      },
      openStorage: () => storage,
      flowSaver() {
        saver ??= createFlowSaver(ctx.storage(), editor, (id, flow) =>
          onFlowConflict(ctx, id, flow),
        );
        return saver;
      },
      // Set just below: the storage health is built over this context.
      health: null as unknown as StorageHealth,
    };
    const health: StorageHealth = createStorageHealth(ctx);
    ctx.health = health;

    const open = async (): Promise<StudioStorage> => {
      // Every write goes through the guard: a refused one is said (storageHealthSlice.ts).
      // Fetched while the database opens, so it costs the first page nothing.
      const guard = import("./storageGuard");
      let opened = storage ?? deps.storage;
      let blocked = false;
      // An open that waits says why after a moment, instead of "Opening…" forever.
      const slow = setTimeout(
        () => set({ openingStuck: blocked ? "blocked" : "slow" }),
        PATIENCE_MS,
      );
      try {
        if (typeof opened === "function") {
          opened = await opened({
            onVersionChange: health.letGo,
            onBlocked() {
              blocked = true;
              if (get().openingStuck) set({ openingStuck: "blocked" });
            },
          });
        }
      } catch (error) {
        // IndexedDB refused (some private modes): the app still works, in memory, and says so.
        opened = await health.inMemory(error, deps.memoryStorage);
      } finally {
        clearTimeout(slow);
        set({ openingStuck: null });
      }
      storage = (await guard).guardWrites(opened as StudioStorage, health.hooks);
      return storage;
    };

    const { loadCredentialCode, ...credentialsSlice } = createCredentialsSlice(set, get, {
      session: deps.browser.sessionStorage,
      settings: () => storage?.settings,
    });

    const load = async () => {
      // The credentials code loads while the database opens: it reads the saved keys below.
      const credentialCode = loadCredentialCode();
      try {
        const tabs = deps.browser.tabs;
        // The cross-tab code loads beside the storage, not with the first page. From here on,
        // each write this tab makes is announced to the app's other tabs.
        const [opened, crossTab] = await Promise.all([open(), tabs && import("./crossTab")]);
        const tabSync = tabs && crossTab?.connectTabs(tabs, opened);
        if (tabSync) storage = tabSync.storage;
        const settings = opened.settings;
        set({
          ...(await (await credentialCode).loadCredentials(settings, deps.browser.sessionStorage)),
          theme:
            asTheme(await settings.get(SETTINGS.theme)) ?? mirroredTheme(deps.browser.localStorage),
          callTimeouts: asCallTimeouts(await settings.get(SETTINGS.callTimeouts)),
          layout: asPanelLayout(await settings.get(SETTINGS.panelLayout)),
        });
        const saved = await settings.get(SETTINGS.lastFlowId);
        const lastId = typeof saved === "string" ? (saved as FlowId) : undefined;
        const last = lastId ? await opened.flows.get(lastId).catch(() => undefined) : undefined;
        await get().refreshFlows();
        // A first visit lands on a ready "Chat with memory" flow on the offline echo provider.
        await showFlow(ctx, last ?? (await anyFlow(ctx))).catch(health.recoverOpen);
        stopAutosave = startAutosave({
          editor,
          settings,
          saver: ctx.flowSaver(),
          browser: deps.browser,
          onSaved: () => void get().refreshFlows(),
        });
        stopTabSync = tabSync ? tabSync.start(ctx, ctx.flowSaver()) : null;
        set({ status: "ready" });
        void health.checkQuota();
      } catch (error) {
        set({
          status: "failed",
          loadError: `Could not open this browser's storage: ${messageOf(error)}`,
        });
      }
    };

    const lifecycle: LifecycleState = {
      status: "loading",
      init() {
        // React's StrictMode runs effects twice in development: open storage once, not twice
        // (two concurrent first visits would each create a starter flow).
        initializing ??= load();
        return initializing;
      },
      async dispose() {
        const stop = stopAutosave;
        stopAutosave = null;
        stopTabSync?.();
        stopTabSync = null;
        await stop?.();
      },
    };

    return {
      ...lifecycle,
      ...createFlowLibrarySlice(ctx),
      ...createChatSessionSlice(ctx),
      ...createViewSlice(ctx),
      ...createCallSettingsSlice(ctx),
      ...credentialsSlice,
      ...createStoreReads(ctx),
      ...createBackupSlice(ctx),
      ...health.state,
      ...createTabsSlice(ctx),
      ...createMemoryEditsSlice(ctx),
      ...createNodeRunSlice(ctx),
      ...createReplaySlice(ctx),
    };
  });
  return Object.assign(store, { editor });
}
