import type { Page } from "@playwright/test";

/**
 * A switchable fault in the page's own IndexedDB and storage manager, installed before the app
 * loads. Chromium's CDP `Storage.overrideQuotaForOrigin` was tried first: on this Chromium it
 * marks the override active (`Storage.getUsageAndQuota`) but neither `navigator.storage.estimate`
 * nor IndexedDB writes follow it, so a full disk is played here instead: the real object
 * stores, the real transactions, and the DOMException a browser throws.
 */
export interface StorageFaultState {
  /** Every put and add throws QuotaExceededError (deletes still work, as on a full disk). */
  full: boolean;
  /** Only the final write of a run (a record that is no longer "running") throws. */
  refuseFinalRuns: boolean;
  /** What navigator.storage.estimate reports (bytes); 0: the browser's own answer. */
  usage: number;
  quota: number;
  /** A delete while full frees room: writes work again, and the estimate reports this usage. */
  usageAfterDelete: number;
  /** indexedDB.open throws, as in some private modes. */
  refuseOpen: boolean;
}

declare global {
  interface Window {
    __storageFaults: StorageFaultState;
  }
}

export const MB = 1024 * 1024;

export async function installStorageFaults(page: Page, initial: Partial<StorageFaultState> = {}) {
  await page.addInitScript((initial) => {
    const state: StorageFaultState = {
      full: false,
      refuseFinalRuns: false,
      usage: 0,
      quota: 0,
      usageAfterDelete: 0,
      refuseOpen: false,
      ...initial,
    };
    window.__storageFaults = state;
    const quotaError = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");
    for (const method of ["put", "add"] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (
        this: IDBObjectStore,
        value: unknown,
        key?: IDBValidKey,
      ) {
        const settled = this.name === "runs" && (value as { status?: string }).status !== "running";
        if (state.full || (state.refuseFinalRuns && settled)) throw quotaError();
        return original.call(this, value, key);
      };
    }
    const remove = IDBObjectStore.prototype.delete;
    IDBObjectStore.prototype.delete = function (
      this: IDBObjectStore,
      query: IDBValidKey | IDBKeyRange,
    ) {
      // Room freed: writes go through again, and the estimate says so.
      if (state.full && state.usageAfterDelete) {
        state.full = false;
        state.usage = state.usageAfterDelete;
      }
      return remove.call(this, query);
    };
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      if (state.refuseOpen) {
        throw new DOMException(
          "A mutation operation was attempted on a database that did not allow mutations.",
          "InvalidStateError",
        );
      }
      return open.call(this, name, version);
    };
    const estimate = StorageManager.prototype.estimate;
    StorageManager.prototype.estimate = function (this: StorageManager) {
      return state.quota
        ? Promise.resolve({ usage: state.usage, quota: state.quota })
        : estimate.call(this);
    };
  }, initial);
}

export const setStorageFaults = (page: Page, patch: Partial<StorageFaultState>) =>
  page.evaluate((patch) => void Object.assign(window.__storageFaults, patch), patch);

/** The Storage notices region at the top of the app. */
export const storageNotices = (page: Page) => page.getByRole("region", { name: "Storage" });
