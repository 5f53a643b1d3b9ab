import { describe, expect, it } from "vitest";
import { gridSpacing } from "./CanvasBackground";
import { MAX_ZOOM, MIN_ZOOM, SNAP_GRID } from "./canvasView";

describe("gridSpacing", () => {
  it("is the snap grid wherever its dots lie 10 px apart or more", () => {
    expect(gridSpacing(1)).toBe(SNAP_GRID[0]);
    expect(gridSpacing(0.5)).toBe(SNAP_GRID[0]);
    expect(gridSpacing(MAX_ZOOM)).toBe(SNAP_GRID[0]);
  });

  it("widens by doublings as the view zooms out, keeping dots 10 to 20 px apart", () => {
    for (let zoom = MIN_ZOOM; zoom < 0.5; zoom += 0.01) {
      const gap = gridSpacing(zoom);
      expect(gap % SNAP_GRID[0], `zoom ${zoom}`).toBe(0);
      expect(gap * zoom, `zoom ${zoom}`).toBeGreaterThanOrEqual(10);
      expect(gap * zoom, `zoom ${zoom}`).toBeLessThan(20);
    }
    expect(gridSpacing(MIN_ZOOM)).toBe(160);
  });

  it("stays finite for a zoom of zero", () => {
    expect(Number.isFinite(gridSpacing(0))).toBe(true);
  });
});
