import { describe, expect, it } from "vitest";
import { AsyncQueue } from "./asyncQueue";

describe("AsyncQueue", () => {
  it("delivers everything pushed, in order, whether pushed before or while waiting", async () => {
    const queue = new AsyncQueue<number>();
    for (let i = 0; i < 1000; i++) queue.push(i);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const n of queue) seen.push(n);
    })();
    await Promise.resolve();
    queue.push(1000);
    queue.close();
    queue.push(1001); // after close: dropped
    await reading;
    expect(seen).toEqual(Array.from({ length: 1001 }, (_, i) => i));
  });
});
