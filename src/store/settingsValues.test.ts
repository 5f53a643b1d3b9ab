import { describe, expect, it } from "vitest";
import { asTheme, asViewport } from "./settingsValues";

describe("settings read back from storage", () => {
  it("keep a valid theme and refuse anything else", () => {
    expect(["system", "light", "dark"].map(asTheme)).toEqual(["system", "light", "dark"]);
    expect(asTheme("purple")).toBeUndefined();
    expect(asTheme(null)).toBeUndefined();
  });

  it("keep a valid viewport and refuse a broken one instead of opening the canvas nowhere", () => {
    expect(asViewport({ x: 10, y: -5, zoom: 0.5 })).toEqual({ x: 10, y: -5, zoom: 0.5 });
    expect(asViewport({ x: 10, y: 5, zoom: 0 })).toBeUndefined();
    expect(asViewport({ x: "10", y: 5, zoom: 1 })).toBeUndefined();
    expect(asViewport({ x: Number.NaN, y: 5, zoom: 1 })).toBeUndefined();
    expect(asViewport("x")).toBeUndefined();
  });
});
