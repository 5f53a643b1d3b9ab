import { afterEach, describe, expect, it, vi } from "vitest";
import { DRAFT_CHARS, DRAFT_INTERVAL_MS, DraftWriter } from "./draftWriter";

afterEach(() => vi.useRealTimers());

describe("DraftWriter", () => {
  it("writes a growing draft at most every 500 ms, at once when 2 KB are waiting, never after close", async () => {
    vi.useFakeTimers();
    let writes = 0;
    const drafts = new DraftWriter(async () => {
      writes++;
    });
    drafts.grew(10);
    drafts.grew(10);
    await vi.advanceTimersByTimeAsync(DRAFT_INTERVAL_MS - 1);
    expect(writes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toBe(1);

    drafts.grew(DRAFT_CHARS);
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toBe(2);

    drafts.grew(1);
    await drafts.close();
    await vi.advanceTimersByTimeAsync(DRAFT_INTERVAL_MS * 2);
    expect(writes).toBe(2);
  });

  it("a draft that cannot be written does not stop the next one", async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const drafts = new DraftWriter(async () => {
      attempts++;
      if (attempts === 1) throw new Error("disk full");
    });
    drafts.grew(DRAFT_CHARS);
    await vi.advanceTimersByTimeAsync(0);
    drafts.grew(DRAFT_CHARS);
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toBe(2);
    await drafts.close();
  });
});
