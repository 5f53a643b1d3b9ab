// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { errorText, useStoreQuery } from "./useStoreQuery";

afterEach(cleanup);

/** A read the test answers when it chooses. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe("useStoreQuery", () => {
  it("is idle with nothing to read, loading while reading, then ready with the answer", async () => {
    const answer = deferred<string>();
    const { result, rerender } = renderHook(
      ({ id }: { id: string | null }) =>
        useStoreQuery(id === null ? null : () => answer.promise, [id]),
      { initialProps: { id: null as string | null } },
    );
    expect(result.current).toEqual({ status: "idle" });
    rerender({ id: "a" });
    expect(result.current).toEqual({ status: "loading" });
    answer.resolve("A");
    await waitFor(() => expect(result.current).toEqual({ status: "ready", data: "A" }));
  });

  it("never shows an older answer for newer deps, even when it arrives last", async () => {
    const reads = new Map([
      ["a", deferred<string>()],
      ["b", deferred<string>()],
    ]);
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) =>
        useStoreQuery(() => reads.get(id)?.promise ?? Promise.reject(), [id]),
      { initialProps: { id: "a" } },
    );
    reads.get("a")?.resolve("A");
    await waitFor(() => expect(result.current).toEqual({ status: "ready", data: "A" }));
    reads.set("a", deferred<string>());
    rerender({ id: "b" });
    expect(result.current).toEqual({ status: "loading", previous: "A" });
    reads.get("b")?.resolve("B");
    await waitFor(() => expect(result.current).toEqual({ status: "ready", data: "B" }));
    // An answer to the older deps arriving late is dropped.
    rerender({ id: "a" });
    rerender({ id: "b" });
    reads.get("a")?.resolve("A, late");
    await Promise.resolve();
    expect(result.current).toEqual({ status: "ready", data: "B" });
  });

  it("reports a failed read with its error", async () => {
    const { result } = renderHook(() =>
      useStoreQuery(() => Promise.reject(new Error("Storage is not open yet.")), []),
    );
    await waitFor(() => expect(result.current.status).toBe("failed"));
    const state = result.current;
    expect(state.status === "failed" && errorText(state.error)).toBe("Storage is not open yet.");
    expect(errorText("plain")).toBe("plain");
  });
});
