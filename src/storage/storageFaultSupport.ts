// Test-only: IndexedDB writes refused the way a browser refuses them (a full disk, a lost
// connection), inside the real transactions of fake-indexeddb.
import "fake-indexeddb/auto";
import { IDBObjectStore } from "fake-indexeddb";
import { vi } from "vitest";

export interface WriteFaults {
  /** Which writes fail: the object store and the value written. Nothing fails by default. */
  when: (store: string, value: unknown) => boolean;
  /** The DOMException's name; QuotaExceededError unless set. */
  name: string;
  /** Puts the real put and add back. */
  restore(): void;
}

/** `put` and `add` throw a DOMException (the name a browser uses) while `faults.when` says so. */
export function refuseWrites(): WriteFaults {
  const faults: WriteFaults = {
    when: () => false,
    name: "QuotaExceededError",
    restore: () => vi.restoreAllMocks(),
  };
  for (const method of ["put", "add"] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if (faults.when(this.name, value)) {
        throw new DOMException(`Refused by the test (${faults.name})`, faults.name);
      }
      return original.call(this, value, key);
    });
  }
  return faults;
}
