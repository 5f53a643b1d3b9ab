import { describe, expect, it } from "vitest";
import { formatTask } from "./stats";

describe("formatTask", () => {
  it("says no task went over 50 ms instead of printing a zero duration", () => {
    expect(formatTask(0)).toBe("none > 50 ms");
  });

  it("prints a long task's duration", () => {
    expect(formatTask(146.25)).toBe("146.3 ms");
  });
});
