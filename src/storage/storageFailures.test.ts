import { describe, expect, it } from "vitest";
import { RevisionConflictError } from "./storageErrors";
import { failureReason, fullReason, storageFailureOf } from "./storageFailures";

const dom = (name: string) => new DOMException("raw browser text", name);

describe("storageFailureOf", () => {
  it("words each DOMException a refused write throws", () => {
    expect(storageFailureOf(dom("QuotaExceededError"))).toMatchObject({ kind: "full" });
    expect(storageFailureOf(dom("InvalidStateError"))?.reason).toBe(
      "The connection to this browser's storage was closed (site data cleared, or the app updated in another tab)",
    );
    expect(storageFailureOf(dom("UnknownError"))?.kind).toBe("broken");
    expect(storageFailureOf(dom("AbortError"))?.kind).toBe("cancelled");
  });

  it("finds the DOMException the saver wrapped in its own message", () => {
    const wrapped = new Error("Run r1 and its 2 memory messages were not stored", {
      cause: dom("QuotaExceededError"),
    });
    expect(storageFailureOf(wrapped)?.name).toBe("QuotaExceededError");
  });

  it("leaves alone what is not storage failing: a revision conflict, a bug, a loop of causes", () => {
    expect(storageFailureOf(new RevisionConflictError("saved elsewhere"))).toBeNull();
    expect(storageFailureOf(new TypeError("x is undefined"))).toBeNull();
    const loop: Error & { cause?: unknown } = new Error("loop");
    loop.cause = loop;
    expect(storageFailureOf(loop)).toBeNull();
    expect(storageFailureOf("a string")).toBeNull();
  });

  it("says how full storage is when the browser tells", () => {
    const MB = 1024 * 1024;
    expect(fullReason({ usage: 48 * MB, quota: 50 * MB })).toBe(
      "Storage is full: 48 MB of 50 MB used",
    );
    expect(fullReason({ usage: 0.4 * MB, quota: 2 * MB })).toBe(
      "Storage is full: 0.4 MB of 2 MB used",
    );
    const full = storageFailureOf(dom("QuotaExceededError"));
    expect(full && failureReason(full, null)).toBe("Storage is full");
  });
});
