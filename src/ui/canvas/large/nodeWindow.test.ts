import { describe, expect, it } from "vitest";
import type { FlowEdge, FlowNode } from "../../../engine/flow";
import { nodeId } from "../../../engine/ids";
import { contains, FIRST_BATCH, grow, nextBatch, nodesInWindow, viewRect } from "./nodeWindow";

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
  it("turns React Flow's transform into the area shown, and grows it on every side", () => {
    const view = viewRect([-200, -100, 2], { width: 800, height: 600 });
    expect(view).toEqual({ x: 100, y: 50, width: 400, height: 300 });
    const area = grow(view, 0.5);
    expect(area).toEqual({ x: -100, y: -100, width: 800, height: 600 });
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
