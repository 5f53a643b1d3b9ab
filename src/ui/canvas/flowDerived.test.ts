import { beforeAll, describe, expect, it } from "vitest";
import { moveNodes, updateConfig } from "../../engine/flowEdits";
import { nodeId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { flowProblems, loadChecks, sortProblems, summarizeByNode } from "./flowDerived";

// The checks load lazily in the app (after the first paint); here, once before the tests.
beforeAll(() => loadChecks());

describe("flow problems for the canvas", () => {
  it("is not recomputed while nodes are only dragged, and is when a setting changes", () => {
    const flow = STARTER_FLOWS.sharedMemory.build();
    const first = flowProblems(flow);
    const dragged = moveNodes(flow, new Map([[nodeId("llm1"), { x: 40, y: 40 }]]));
    expect(flowProblems(dragged)).toBe(first);
    const edited = updateConfig(dragged, nodeId("llm2"), { memoryWindowSize: 4 });
    const after = flowProblems(edited);
    expect(after).not.toBe(first);
    expect(after.some((p) => p.message.includes("different window sizes"))).toBe(true);
  });

  it("lists errors before warnings", () => {
    const sorted = sortProblems([
      { severity: "warning", message: "w1" },
      { severity: "error", message: "e1" },
      { severity: "warning", message: "w2" },
      { severity: "error", message: "e2" },
    ]);
    expect(sorted.map((p) => p.message)).toEqual(["e1", "e2", "w1", "w2"]);
  });

  it("shows a node with both an error and a warning as an error, with both messages", () => {
    const a = nodeId("a");
    const summary = summarizeByNode([
      { severity: "warning", nodeId: a, message: "shares memory" },
      { severity: "error", nodeId: a, message: "no model" },
    ]).get(a);
    expect(summary).toEqual({ severity: "error", text: "shares memory\nno model", count: 2 });
  });
});
