import { afterEach, describe, expect, it, vi } from "vitest";
import { inPieces } from "./pacedFetch";

afterEach(() => vi.useRealTimers());

const bodyOf = (...chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

describe("inPieces", () => {
  it("hands a 20 KB read on in pieces of at most 4 KB, bytes unchanged", async () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => i % 251);
    const pieces: Uint8Array[] = [];
    const reader = inPieces(bodyOf(bytes, bytes.subarray(0, 10))).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(r.value);
    expect(pieces.map((p) => p.length)).toEqual([4_096, 4_096, 4_096, 4_096, 3_616, 10]);
    const joined = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const piece of pieces) {
      joined.set(piece, at);
      at += piece.length;
    }
    expect(joined.subarray(0, 20_000)).toEqual(bytes);
  });

  it("lets the page run between two pieces of one read", async () => {
    vi.useFakeTimers();
    const reader = inPieces(bodyOf(new Uint8Array(10_000))).getReader();
    expect((await reader.read()).value?.length).toBe(4_096);
    let second: number | undefined;
    void reader.read().then((r) => {
      second = r.value?.length;
    });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(second).toBeUndefined();
    await vi.advanceTimersByTimeAsync(0);
    expect(second).toBe(4_096);
  });
});
