import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_SIZE } from "./nodeSize";
import { placeBoxAt, placeNodeAt } from "./paletteDrag";

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < DEFAULT_NODE_SIZE.width && Math.abs(a.y - b.y) < DEFAULT_NODE_SIZE.height;

describe("placeNodeAt", () => {
  it("centres a node on a free spot, on the grid", () => {
    expect(placeNodeAt({ x: 110, y: 45 }, [])).toEqual({ x: 0, y: 0 });
  });

  it("never lands on another node: the nearest free spot around, even in a crowd", () => {
    const taken: { position: { x: number; y: number } }[] = [];
    // Ten nodes added at the same spot, as pressing the palette button ten times does.
    for (let i = 0; i < 10; i++) {
      const p = placeNodeAt({ x: 400, y: 300 }, taken);
      for (const other of taken) expect(overlaps(p, other.position), JSON.stringify(p)).toBe(false);
      taken.push({ position: p });
    }
    // The first free spots are the nearest: all ten within a few node sizes of the point.
    for (const { position } of taken) {
      expect(Math.abs(position.x - 290)).toBeLessThanOrEqual(4 * DEFAULT_NODE_SIZE.width);
      expect(Math.abs(position.y - 255)).toBeLessThanOrEqual(4 * DEFAULT_NODE_SIZE.height);
    }
  });

  it("slightly off a node is still on it: the overlap counts, not the exact spot", () => {
    const existing = { position: { x: 300, y: 200 } };
    const p = placeNodeAt({ x: 300 + 10 + DEFAULT_NODE_SIZE.width / 2, y: 245 }, [existing]);
    expect(overlaps(p, existing.position)).toBe(false);
  });
});

describe("placeBoxAt", () => {
  it("puts a note of its own size clear of the nodes and notes already there", () => {
    const note = { width: 240, height: 160 };
    const node = { position: { x: 300, y: 200 } };
    const other = { position: { x: 300, y: 460 }, width: 400, height: 300 };
    const p = placeBoxAt({ x: 400, y: 300 }, note, [node, other]);
    const clear = (q: { x: number; y: number }, w: number, h: number) =>
      p.x >= q.x + w || q.x >= p.x + note.width || p.y >= q.y + h || q.y >= p.y + note.height;
    expect(clear(node.position, DEFAULT_NODE_SIZE.width, DEFAULT_NODE_SIZE.height)).toBe(true);
    expect(clear(other.position, other.width, other.height)).toBe(true);
  });
});
