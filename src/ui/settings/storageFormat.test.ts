import { describe, expect, it } from "vitest";
import { formatMegabytes, formatShare, isNearlyFull } from "./storageFormat";

const MB = 1024 * 1024;

describe("storage figures", () => {
  it("writes megabytes with a decimal only when small", () => {
    expect(formatMegabytes(0.4 * MB)).toBe("0.4 MB");
    expect(formatMegabytes(0)).toBe("0.0 MB");
    expect(formatMegabytes(512 * MB)).toBe("512 MB");
  });

  it("is nearly full above 80% of a known quota only", () => {
    expect(isNearlyFull(81, 100)).toBe(true);
    expect(isNearlyFull(80, 100)).toBe(false);
    expect(isNearlyFull(10, 0)).toBe(false);
  });

  it("never rounds a small use down to nothing", () => {
    expect(formatShare(0.001)).toBe("<1%");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(0.855)).toBe("86%");
  });
});
