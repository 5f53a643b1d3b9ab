import { describe, expect, it } from "vitest";
import type { Flow, FlowNode } from "../../engine/flow";
import { FLOW_SCHEMA, FLOW_VERSION } from "../../engine/flow";
import { nodeId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { autoLayout } from "./autoLayout";
import { DEFAULT_NODE_SIZE } from "./nodeSize";

const node = (id: string, type: FlowNode["type"] = "template"): FlowNode =>
  ({ id: nodeId(id), type, position: { x: 0, y: 0 }, config: {} }) as FlowNode;

const flowOf = (ids: string[], links: [string, string][]): Flow => ({
  schema: FLOW_SCHEMA,
  version: FLOW_VERSION,
  name: "t",
  nodes: ids.map((id) => node(id)),
  edges: links.map(([s, t]) => ({ source: nodeId(s), target: nodeId(t) })),
});

function expectEveryNodeRightOfItsInputs(flow: Flow, positions: Map<string, { x: number }>) {
  for (const e of flow.edges) {
    const from = positions.get(e.source);
    const to = positions.get(e.target);
    expect(from, `${e.source} has a position`).toBeDefined();
    expect(to, `${e.target} has a position`).toBeDefined();
    // Clear of the input node's whole width, so the boxes never overlap along a connection.
    expect(to?.x, `${e.target} is right of ${e.source}`).toBeGreaterThanOrEqual(
      (from?.x ?? 0) + DEFAULT_NODE_SIZE.width,
    );
  }
}

describe("autoLayout", () => {
  it("puts every node right of the nodes that feed it, even when the flow was drawn backwards", () => {
    const flow = flowOf(
      ["output", "b", "a", "input", "c"],
      [
        ["input", "a"],
        ["input", "b"],
        ["a", "c"],
        ["b", "c"],
        ["c", "output"],
      ],
    );
    const positions = autoLayout(flow);
    expect(positions.size).toBe(5);
    expectEveryNodeRightOfItsInputs(flow, positions);
  });

  it("lays out each starter flow left to right", () => {
    for (const starter of Object.values(STARTER_FLOWS)) {
      const flow = starter.build();
      expectEveryNodeRightOfItsInputs(flow, autoLayout(flow));
    }
  });

  it("keeps parallel branches from overlapping", () => {
    const flow = flowOf(
      ["input", "a", "b"],
      [
        ["input", "a"],
        ["input", "b"],
      ],
    );
    const p = autoLayout(flow);
    const a = p.get(nodeId("a"));
    const b = p.get(nodeId("b"));
    expect(Math.abs((a?.y ?? 0) - (b?.y ?? 0))).toBeGreaterThanOrEqual(DEFAULT_NODE_SIZE.height);
  });

  it("uses measured sizes, places unconnected nodes, and ignores connections to missing nodes", () => {
    const flow = flowOf(
      ["input", "wide", "next", "alone"],
      [
        ["input", "wide"],
        ["wide", "next"],
        ["wide", "ghost"],
      ],
    );
    const wide = { width: 600, height: 100 };
    const p = autoLayout(flow, (id) => (id === "wide" ? wide : undefined));
    expect(p.size).toBe(4);
    expect(p.get(nodeId("next"))?.x).toBeGreaterThanOrEqual(
      (p.get(nodeId("wide"))?.x ?? 0) + wide.width,
    );
  });

  it("snaps positions to the canvas grid", () => {
    const flow = flowOf(["a", "b"], [["a", "b"]]);
    for (const { x, y } of autoLayout(flow).values()) {
      expect(Math.abs(x % 20)).toBe(0);
      expect(Math.abs(y % 20)).toBe(0);
    }
  });
});
