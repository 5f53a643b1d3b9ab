// Test-only: UI tests render inside a StudioProvider with a store of their own.
import { type RenderOptions, render as renderInPage } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import type { StudioStorage } from "../storage/studioStorage";
import type { BrowserServices } from "../store/browserServices";
import { useFlowStore } from "../store/flowStore";
import {
  fakeBrowserServices,
  openTestStudio as openStoreTestStudio,
  type TestStudio,
} from "../store/storeTestSupport";
import { createStudioStore, StudioProvider, type StudioStore } from "../store/studioStore";

/**
 * A studio store that never opens its storage: the test sets the state it is about (and
 * stubs the actions it checks) with setState. Its editor is the page's, as in the app.
 */
export function stubStudioStore(browser: Partial<BrowserServices> = {}): StudioStore {
  return createStudioStore({
    storage: () => new Promise(() => {}),
    browser: fakeBrowserServices(browser),
    editor: useFlowStore,
  });
}

/**
 * A studio store over `storage` (opened, or a stand-in for the few repositories a panel
 * reads), not initialized: the test puts on screen what it is about with setState.
 */
export function studioStoreOver(storage: StudioStorage): StudioStore {
  return createStudioStore({ storage, browser: fakeBrowserServices(), editor: useFlowStore });
}

/**
 * A studio store over fake-indexeddb with the real engine and echo provider, opened, over
 * the page's editor (the one the canvas and inspector read).
 */
export function openTestStudio(
  options: Parameters<typeof openStoreTestStudio>[0] = {},
): Promise<TestStudio> {
  return openStoreTestStudio({ editor: useFlowStore, ...options });
}

let current: StudioStore | null = null;

/** The store `render` below provides: the one set with setTestStudio, else a stub store. */
export function testStudio(): StudioStore {
  current ??= stubStudioStore();
  return current;
}

/** Makes `store` the one `render` provides (an opened store over fake-indexeddb, say). */
export function setTestStudio(store: StudioStore): StudioStore {
  current = store;
  return store;
}

/** Forgets the test's store: the next test starts from a fresh stub store. */
export function resetTestStudio(): void {
  current = null;
}

/** Provides testStudio() to what the test renders, as main.tsx provides the app's store. */
function TestStudioProvider({ children }: { children: ReactNode }) {
  return <StudioProvider store={testStudio()}>{children}</StudioProvider>;
}

/** Testing Library's render inside a provider of testStudio(), as the app renders. */
export function render(ui: ReactElement, options: Omit<RenderOptions, "wrapper"> = {}) {
  return renderInPage(ui, { ...options, wrapper: TestStudioProvider });
}
