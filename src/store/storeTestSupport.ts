// Test-only: a studio store over fake-indexeddb, with the real engine and echo provider.
import { openTestStorage, tickingClock } from "../storage/storageTestSupport";
import type { StudioStorage } from "../storage/studioStorage";
import { type BrowserServices, memoryKeyValueStorage } from "./browserServices";
import { createStudioStore, type StudioStore } from "./createStudioStore";
import { createFlowStore, type FlowStoreApi } from "./flowStore";
import type { StudioDeps } from "./studioDeps";

export type FakeBrowser = BrowserServices & { hidePage(): void };

/** Browser services with nothing behind them but memory; `hidePage()` plays a pagehide. */
export function fakeBrowserServices(patch: Partial<BrowserServices> = {}): FakeBrowser {
  const listeners = new Set<() => void>();
  return {
    origin: "http://localhost",
    localStorage: memoryKeyValueStorage(),
    sessionStorage: memoryKeyValueStorage(),
    storageManager: null,
    onPageHide(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    hidePage: () => {
      for (const listener of [...listeners]) listener();
    },
    ...patch,
  };
}

export interface TestStudio {
  store: StudioStore;
  storage: StudioStorage;
  editor: FlowStoreApi;
  browser: FakeBrowser;
  /** The store's state now. */
  state(): ReturnType<StudioStore["getState"]>;
}

/**
 * A studio store over a fresh fake-indexeddb database, opened (init) unless `init: false`.
 * `storage` reuses a database (a reload); `editor` shares an editor store (the UI's).
 */
export async function openTestStudio(
  options: Partial<Omit<StudioDeps, "storage">> & {
    storage?: StudioStorage;
    init?: boolean;
  } = {},
): Promise<TestStudio> {
  const storage = options.storage ?? (await openTestStorage());
  const browser = (options.browser as FakeBrowser | undefined) ?? fakeBrowserServices();
  const editor = options.editor ?? createFlowStore();
  const store = createStudioStore({
    clock: tickingClock(),
    ...options,
    storage,
    browser,
    editor,
  });
  if (options.init !== false) await store.getState().init();
  return { store, storage, editor, browser, state: () => store.getState() };
}

/** The value, or the test fails here saying what was missing. */
export function defined<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}
