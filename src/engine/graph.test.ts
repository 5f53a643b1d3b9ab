import { describe, expect, it } from "vitest";
import type { FlowEdge, FlowNode } from "./flow";
import { buildGraph, compareIds } from "./graph";
import { findCycle, topologicalOrder } from "./graphOrder";
import { nodeId } from "./ids";
import { validateFlow } from "./validateFlow";

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

describe("graph walks on a 50,000-node chain", () => {
  const COUNT = 50_000;
  const ids = Array.from({ length: COUNT }, (_, i) => `n${i}`);
  const nodes = ids.map(node);
  const chain = ids.slice(1).map((id, i) => edge(ids[i] as string, id));

  it("orders the whole chain and finds no cycle, without overflowing the stack", () => {
    const graph = buildGraph({ nodes, edges: chain });
    expect(topologicalOrder(graph)).toEqual(ids);
    expect(findCycle(graph)).toBeNull();
  });

  it("finds the cycle when the chain's end leads back to its start", () => {
    const graph = buildGraph({ nodes, edges: [...chain, edge(ids[COUNT - 1] as string, "n0")] });
    expect(findCycle(graph)).toEqual([...ids, "n0"]);
    expect(topologicalOrder(graph)).toEqual([]);
  });

  it("orders 50,000 nodes fed by one, in id order", () => {
    const fan = ids.slice(1).map((id) => edge("n0", id));
    const order = topologicalOrder(buildGraph({ nodes, edges: fan }));
    expect(order[0]).toBe("n0");
    expect(order.slice(1)).toEqual([...ids.slice(1)].sort(compareIds));
  });

  it("validates the chain without a stack overflow", () => {
    const flow: { nodes: FlowNode[]; edges: FlowEdge[] } = {
      nodes: [
        { id: nodeId("n0"), type: "input", position: { x: 0, y: 0 } } as FlowNode,
        ...ids.slice(1, -1).map(
          (id): FlowNode => ({
            id: nodeId(id),
            type: "llm",
            position: { x: 0, y: 0 },
            config: { provider: "echo", model: "echo" },
          }),
        ),
        {
          id: nodeId(ids[COUNT - 1] as string),
          type: "output",
          position: { x: 0, y: 0 },
          config: {},
        },
      ],
      edges: chain,
    };
    expect(validateFlow(flow)).toEqual([]);
  });
});
