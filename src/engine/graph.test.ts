import { describe, expect, it } from "vitest";
import type { FlowEdge, FlowNode } from "./flow";
import { buildGraph, topologicalOrder } from "./graph";
import { nodeId } from "./ids";

const node = (id: string): FlowNode => ({
  id: nodeId(id),
  type: "input",
  position: { x: 0, y: 0 },
});
const edge = (s: string, t: string): FlowEdge => ({ source: nodeId(s), target: nodeId(t) });

describe("topologicalOrder", () => {
  it("breaks ties by node id in code-unit order, whatever the file order", () => {
    const nodes = ["z", "B", "a", "root"].map(node);
    const edges = [edge("root", "z"), edge("root", "a"), edge("root", "B")];
    expect(topologicalOrder(buildGraph({ nodes, edges }))).toEqual(["root", "B", "a", "z"]);
  });

  it("puts every node after all of its inputs", () => {
    const nodes = ["d", "c", "b", "a"].map(node);
    const edges = [edge("a", "d"), edge("c", "d"), edge("b", "c")];
    expect(topologicalOrder(buildGraph({ nodes, edges }))).toEqual(["a", "b", "c", "d"]);
  });
});
