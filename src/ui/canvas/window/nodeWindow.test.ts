import { describe, expect, it } from "vitest";
import type { FlowEdge, FlowNode } from "../../../engine/flow";
import { nodeId } from "../../../engine/ids";
import {
  contains,
  FIRST_BATCH,
  nextBatch,
  nextWindow,
  nodesInWindow,
  type Rect,
  viewRect,
} from "./nodeWindow";

/** A 100 x 100 grid of nodes 300 apart, each connected to the next in its row. */
function grid(): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  for (let row = 0; row < 100; row++) {
    for (let col = 0; col < 100; col++) {
      const id = nodeId(`n_${row}_${col}`);
      nodes.push({ id, type: "input", position: { x: col * 300, y: row * 300 } });
      if (col > 0) edges.push({ source: nodeId(`n_${row}_${col - 1}`), target: id });
    }
  }
  return { nodes, edges };
}

describe("nodesInWindow", () => {
  it("draws the nodes in the area and the far end of a connection that leaves it", () => {
    const { nodes, edges } = grid();
    // Exactly around n_0_0 .. n_0_1 (x 0..520), and nothing of row 1.
    const ids = nodesInWindow(nodes, edges, { x: 0, y: 0, width: 400, height: 100 }, 100);
    expect(new Set(ids)).toEqual(new Set(["n_0_0", "n_0_1", "n_0_2"]));
  });

  it("keeps to its cap, nearest the middle first, however far out the view is", () => {
    const { nodes, edges } = grid();
    const ids = nodesInWindow(nodes, edges, { x: 0, y: 0, width: 30_000, height: 30_000 }, 50);
    expect(ids).toHaveLength(50);
    expect(ids[0]).toBe("n_50_50");
  });

  it("follows a connection across the view even when neither end is in it", () => {
    const a = nodeId("a");
    const b = nodeId("b");
    const nodes: FlowNode[] = [
      { id: a, type: "input", position: { x: -5000, y: 0 } },
      { id: b, type: "input", position: { x: 5000, y: 0 } },
    ];
    const ids = nodesInWindow(
      nodes,
      [{ source: a, target: b }],
      viewRect([0, 0, 1], { width: 100, height: 100 }),
      10,
    );
    expect(new Set(ids)).toEqual(new Set([a, b]));
  });
});

describe("the window's geometry", () => {
  it("turns React Flow's transform into the area shown, and pads it on every side", () => {
    const view = viewRect([-200, -100, 2], { width: 800, height: 600 });
    expect(view).toEqual({ x: 100, y: 50, width: 400, height: 300 });
    const area = nextWindow(null, view);
    expect(area).toEqual({ x: -50, y: -100, width: 700, height: 600 });
    expect(contains(area, view)).toBe(true);
    expect(contains(view, area)).toBe(false);
  });
});

describe("nextBatch", () => {
  it("mounts more nodes a frame after quick frames, never jumping past 300", () => {
    let batch = FIRST_BATCH;
    const sizes: number[] = [];
    for (let i = 0; i < 6; i++) {
      batch = nextBatch(batch, 16.7);
      sizes.push(batch);
    }
    expect(sizes[0]).toBe(100);
    expect(sizes[1]).toBeGreaterThan(100);
    expect(sizes[1]).toBeLessThan(250);
    expect(sizes.at(-1)).toBe(300);
  });

  it("mounts fewer after a frame that took too long, down to 100", () => {
    expect(nextBatch(300, 150)).toBe(100);
    expect(nextBatch(150, 2_000)).toBe(100);
  });
});

describe("nextWindow", () => {
  const view = (x: number, y: number, size = 1000): Rect => ({ x, y, width: size, height: size });

  it("keeps what a flow's view has shown as it pans: nothing drawn is dropped mid-pan", () => {
    const first = nextWindow(null, view(0, 0));
    expect(contains(first, view(0, 0))).toBe(true);
    const panned = nextWindow(first, view(400, 0));
    // Both the first view and the panned one are still drawn.
    expect(contains(panned, view(0, 0))).toBe(true);
    expect(contains(panned, view(400, 0))).toBe(true);
    // Panning back draws nothing new: the same window.
    expect(nextWindow(panned, view(200, 0))).toBe(panned);
  });

  it("draws a little beyond the view, so a node taller than the default shows its edge", () => {
    const w = nextWindow(null, view(0, 0));
    expect(w.x).toBeLessThan(0);
    expect(w.y).toBeLessThan(0);
    expect(w.width).toBeLessThan(1400);
  });

  it("starts over from the view once zoomed in to a quarter of the window or less", () => {
    const wide = nextWindow(null, view(0, 0, 8000));
    const zoomedIn = nextWindow(wide, view(100, 100, 1000));
    expect(zoomedIn).not.toBe(wide);
    expect(zoomedIn.width).toBeLessThan(2000);
    expect(contains(zoomedIn, view(100, 100, 1000))).toBe(true);
  });
});
