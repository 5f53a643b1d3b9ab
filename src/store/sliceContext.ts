import type { StoreApi } from "zustand";
import type { ProviderResolver } from "../engine/provider";
import type { StudioStorage } from "../storage/studioStorage";
import type { BrowserServices } from "./browserServices";
import type { FlowSaver } from "./flowSaver";
import type { FlowStoreApi } from "./flowStore";
import type { StorageHealth } from "./storageHealthSlice";
import type { StudioState } from "./studioState";

/** What every slice is built with: the store's set/get and the store's resolved deps. */
export interface SliceContext {
  set: StoreApi<StudioState>["setState"];
  get: () => StudioState;
  editor: FlowStoreApi;
  providers: ProviderResolver;
  clock: () => number;
  browser: BrowserServices;
  /** The open storage; throws before init() has opened it. */
  storage(): StudioStorage;
  /** The open storage, or null before init() has opened it. */
  openStorage(): StudioStorage | null;
  /** The open flow's saver (one save at a time); throws before the storage is open. */
  flowSaver(): FlowSaver;
  /** Failed writes and the quota (storageHealthSlice.ts): what the chat needs of them. */
  health: Pick<StorageHealth, "settle">;
}

export const NOT_OPEN = "Storage is not open yet.";

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
