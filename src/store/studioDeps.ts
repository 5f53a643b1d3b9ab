import type { ProviderResolver } from "../engine/provider";
import type { StudioStorage } from "../storage/studioStorage";
import type { BrowserServices } from "./browserServices";
import type { FlowStoreApi } from "./flowStore";

/**
 * Opens the storage. `onBlocked`: another tab holds an older version open, and the open waits
 * for it. `onVersionChange`: another tab upgrades the database; the connection is closed once
 * the promise it returns settles (this tab saves its run in flight first).
 */
export type StorageOpener = (options: {
  onVersionChange(): void | Promise<void>;
  onBlocked(): void;
}) => Promise<StudioStorage>;

/** Everything the studio store needs from outside: main.tsx passes the real ones, tests fakes. */
export interface StudioDeps {
  /** The storage, or how to open it (opened once, by init()). */
  storage: StudioStorage | StorageOpener;
  /** Where the app runs when the opener fails (IndexedDB unavailable): nothing is kept. */
  memoryStorage?: () => Promise<StudioStorage>;
  /** Where runs find their providers; by default the app's own, told the page's origin. */
  providers?: ProviderResolver;
  /** Milliseconds since the epoch: run times and the editor's typing bursts. */
  clock?: () => number;
  browser: BrowserServices;
  /** The editor store; by default a new one (the app passes the one its canvas uses). */
  editor?: FlowStoreApi;
}
