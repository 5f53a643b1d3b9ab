import { describe, expect, it } from "vitest";
import { parseWindowSize, windowLabel } from "./memoryLabels";

describe("memory window field", () => {
  it("says what each window means", () => {
    expect([null, 0, 1, 5].map(windowLabel)).toEqual([
      "all messages",
      "no history",
      "last 1 message",
      "last 5 messages",
    ]);
  });

  it("reads empty as all, refuses what is not a whole number ≥ 0", () => {
    expect(parseWindowSize(" ")).toEqual({ value: null });
    expect(parseWindowSize("5")).toEqual({ value: 5 });
    expect(parseWindowSize("0")).toEqual({ value: 0 });
    expect(parseWindowSize("-1")).toHaveProperty("error");
    expect(parseWindowSize("2.5")).toHaveProperty("error");
  });
});
