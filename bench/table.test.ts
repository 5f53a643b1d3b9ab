import { describe, expect, it } from "vitest";
import { atMostRow, belowRow, exitCodeOf, infoRow, statusOf } from "./table";

const kb = (n: number) => `${n} KB`;

describe("bench rows", () => {
  it("judges a budget row by its figure: at the limit is ok for 'at most', over for 'below'", () => {
    expect(statusOf(atMostRow("first page", 160, 160, kb))).toBe("ok");
    expect(statusOf(atMostRow("first page", 161, 160, kb))).toBe("OVER");
    expect(statusOf(belowRow("ratio", 2, 2, kb))).toBe("OVER");
    expect(statusOf(belowRow("ratio", 1.9, 2, kb))).toBe("ok");
    expect(atMostRow("first page", 161, 160, kb).budget).toBe("≤ 160 KB");
  });

  it("shows '-' for a figure without a budget, and FAILED if it could not be measured", () => {
    expect(statusOf(infoRow("in-memory ratio", "5.00x"))).toBe("-");
    expect(statusOf(infoRow("canvas open, app", "failed: no canvas", false))).toBe("FAILED");
  });

  it("fails the run when any row is over or failed, and only then", () => {
    const within = atMostRow("first page", 150, 160, kb);
    const info = infoRow("context", "1 ms");
    expect(exitCodeOf([within, info])).toBe(0);
    expect(exitCodeOf([within, info, atMostRow("first page", 170, 160, kb)])).toBe(1);
    expect(exitCodeOf([within, infoRow("crashed", "failed", false)])).toBe(1);
  });
});
