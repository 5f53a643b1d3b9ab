import type { ProviderResolver } from "../engine/provider";
import type { StudioStorage } from "../storage/studioStorage";
import type { BrowserServices } from "./browserServices";
import type { FlowStoreApi } from "./flowStore";

/** Opens the storage; `onVersionChange` is called when another tab upgrades the database. */
export type StorageOpener = (options: { onVersionChange(): void }) => Promise<StudioStorage>;

/** Everything the studio store needs from outside: main.tsx passes the real ones, tests fakes. */
export interface StudioDeps {
  /** The storage, or how to open it (opened once, by init()). */
  storage: StudioStorage | StorageOpener;
  /** Where runs find their providers; by default the app's own, told the page's origin. */
  providers?: ProviderResolver;
  /** Milliseconds since the epoch: run times and the editor's typing bursts. */
  clock?: () => number;
  browser: BrowserServices;
  /** The editor store; by default a new one (the app passes the one its canvas uses). */
  editor?: FlowStoreApi;
}
