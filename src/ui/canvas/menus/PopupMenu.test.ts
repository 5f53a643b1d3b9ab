import { describe, expect, it } from "vitest";
import { fitOnScreen } from "./PopupMenu";

const phone = { width: 390, height: 844 };
const size = { width: 220, height: 300 };

describe("a menu's place on screen", () => {
  it("opens at the point when it fits there", () => {
    expect(fitOnScreen({ x: 20, y: 30 }, size, phone)).toEqual({ left: 20, top: 30 });
  });

  it("goes left of a point near the right edge, and above one near the bottom", () => {
    expect(fitOnScreen({ x: 380, y: 800 }, size, phone)).toEqual({ left: 162, top: 500 });
  });

  it("stays inside a screen too short to open it above or below the point", () => {
    const place = fitOnScreen({ x: 100, y: 200 }, size, { width: 390, height: 400 });
    expect(place.top).toBeGreaterThanOrEqual(8);
    expect(place.top + size.height).toBeLessThanOrEqual(392);
  });
});
