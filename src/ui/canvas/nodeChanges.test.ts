import { describe, expect, it } from "vitest";
import { nodeId } from "../../engine/ids";
import { effectiveMoves, planNodeChanges } from "./nodeChanges";

const a = nodeId("a");
const b = nodeId("b");
const c = nodeId("c");

describe("planNodeChanges", () => {
  it("keeps a drag in progress apart from the moves to store, and reports the drop", () => {
    const plan = planNodeChanges(
      [
        { type: "position", id: "a", position: { x: 20, y: 40 }, dragging: true },
        { type: "position", id: "b", position: { x: 60, y: 0 }, dragging: false },
        { type: "position", id: "c", dragging: false },
      ],
      [],
    );
    expect([...plan.dragging]).toEqual([[a, { x: 20, y: 40 }]]);
    expect([...plan.moves]).toEqual([[b, { x: 60, y: 0 }]]);
    expect(plan.dropped).toEqual([b, c]);
    expect(plan.selection).toBeNull();
  });

  it("keeps the selection order and appends newly selected nodes", () => {
    const plan = planNodeChanges(
      [
        { type: "select", id: "a", selected: false },
        { type: "select", id: "c", selected: true },
      ],
      [a, b],
    );
    expect(plan.selection).toEqual([b, c]);
  });

  it("leaves the selection alone when React Flow repeats what the store already has", () => {
    const plan = planNodeChanges([{ type: "select", id: "a", selected: true }], [a]);
    expect(plan.selection).toBeNull();
  });

  it("collects removals and measured sizes", () => {
    const plan = planNodeChanges(
      [
        { type: "remove", id: "a" },
        { type: "dimensions", id: "b", dimensions: { width: 220, height: 96 } },
      ],
      [],
    );
    expect(plan.remove).toEqual([a]);
    expect(plan.measured).toEqual([[b, { width: 220, height: 96 }]]);
    expect(plan.moves.size).toBe(0);
  });
});

describe("effectiveMoves", () => {
  it("drops moves to where a node already is, so a click never becomes an undo step", () => {
    const nodes = [
      { id: a, position: { x: 0, y: 0 } },
      { id: b, position: { x: 20, y: 20 } },
    ];
    const moves = new Map([
      [a, { x: 0, y: 0 }],
      [b, { x: 40, y: 20 }],
      [c, { x: 1, y: 1 }],
    ]);
    expect([...effectiveMoves(nodes, moves)]).toEqual([[b, { x: 40, y: 20 }]]);
  });
});
