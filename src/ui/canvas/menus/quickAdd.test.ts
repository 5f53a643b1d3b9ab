import { describe, expect, it } from "vitest";
import type { Flow } from "../../../engine/flow";
import { nodeId } from "../../../engine/ids";
import { STARTER_FLOWS } from "../../../engine/starterFlows";
import { connectedNodeEdit, quickAddKinds } from "./quickAdd";

const flow = (): Flow => STARTER_FLOWS.chatWithMemory.build();
const at = { x: 600, y: 400 };

describe("quick add", () => {
  it("offers downstream of an output every kind that takes connections in", () => {
    const kinds = quickAddKinds(flow(), { from: nodeId("input"), handle: "source", at });
    expect(kinds).toEqual(["llm", "template", "output"]);
  });

  it("offers no second Input node upstream of an input handle when the flow has one", () => {
    const kinds = quickAddKinds(flow(), { from: nodeId("chat_llm"), handle: "target", at });
    expect(kinds).toEqual(["llm", "template"]);
  });

  it("offers an Input node upstream when the flow has none", () => {
    const base = flow();
    const noInput = {
      ...base,
      nodes: base.nodes.filter((n) => n.type !== "input"),
      edges: base.edges.filter((e) => e.source !== "input"),
    };
    const kinds = quickAddKinds(noInput, { from: nodeId("chat_llm"), handle: "target", at });
    expect(kinds).toEqual(["input", "llm", "template"]);
  });

  it("adds the node and its connection in one edit, the new node downstream", () => {
    const result = connectedNodeEdit(flow(), "template", {
      from: nodeId("chat_llm"),
      handle: "source",
      at,
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.id).toBe("template");
    expect(result.flow.edges).toContainEqual({ source: "chat_llm", target: "template" });
    // Its input handle (left edge) where the line was dropped, on the grid.
    const added = result.flow.nodes.find((n) => n.id === "template");
    expect(added?.position.x).toBe(600);
  });

  it("connects a node added upstream into the handle it was dragged from", () => {
    const result = connectedNodeEdit(flow(), "llm", {
      from: nodeId("output"),
      handle: "target",
      at,
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.flow.edges).toContainEqual({ source: result.id, target: "output" });
  });

  it("refuses what a kind cannot have, in words", () => {
    const result = connectedNodeEdit(flow(), "input", {
      from: nodeId("input"),
      handle: "source",
      at,
    });
    expect(result.ok).toBe(false);
  });
});
