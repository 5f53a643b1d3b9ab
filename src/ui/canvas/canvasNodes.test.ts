import { beforeAll, describe, expect, it } from "vitest";
import type { FlowNode } from "../../engine/flow";
import { moveNodes } from "../../engine/flowEdits";
import { nodeId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { RF_NODE_TYPE } from "./canvasNodeData";
import { createCanvasEdgeCache, createCanvasNodeCache } from "./canvasNodes";
import { loadChecks, problemSummariesByNode } from "./flowDerived";
import { memoryColors } from "./memoryColors";

const none = new Set<never>();

// The checks load lazily in the app (after the first paint); here, once before the tests.
beforeAll(() => loadChecks());

describe("canvas nodes", () => {
  it("keeps the object of every node a drag did not touch, so React Flow skips them", () => {
    const flow = STARTER_FLOWS.sharedMemory.build();
    const toNodes = createCanvasNodeCache();
    const colors = memoryColors(flow);
    const before = toNodes(flow.nodes, none, problemSummariesByNode(flow), colors, new Map());
    const moved = moveNodes(flow, new Map([[nodeId("llm1"), { x: 500, y: 500 }]]));
    const after = toNodes(moved.nodes, none, problemSummariesByNode(moved), colors, new Map());
    expect(after.map((n, i) => n === before[i])).toEqual([true, false, true, true]);
    expect(after[1]?.position).toEqual({ x: 500, y: 500 });
  });

  it("marks the nodes of a flow-scoped memory, rebuilding only them when the scope changes", () => {
    const flow = STARTER_FLOWS.sharedMemory.build();
    const toNodes = createCanvasNodeCache();
    const colors = memoryColors(flow);
    const problems = problemSummariesByNode(flow);
    const before = toNodes(flow.nodes, none, problems, colors, new Map());
    const after = toNodes(
      flow.nodes,
      none,
      problems,
      colors,
      new Map(),
      new Set(["shared_memory"]),
    );
    const marked = after.map((n) => n.type === RF_NODE_TYPE.llm && n.data.sharedMemory);
    expect(marked).toEqual([false, true, true, false]);
    expect(after.map((n, i) => n === before[i])).toEqual([true, false, false, true]);
  });

  it("rebuilds a node whose selection changed, and carries its measured size", () => {
    const flow = STARTER_FLOWS.chatWithMemory.build();
    const toNodes = createCanvasNodeCache();
    const colors = memoryColors(flow);
    const problems = problemSummariesByNode(flow);
    const before = toNodes(flow.nodes, none, problems, colors, new Map());
    const size = { width: 220, height: 96 };
    const after = toNodes(
      flow.nodes,
      new Set([nodeId("chat_llm")]),
      problems,
      colors,
      new Map([[nodeId("chat_llm"), size]]),
    );
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]?.selected).toBe(true);
    // Without it React Flow would hide the node until it measured it again: a flicker.
    expect(after[1]?.measured).toEqual(size);
  });

  it("gives LLM nodes sharing a memory the same colour and names them for screen readers", () => {
    const flow = STARTER_FLOWS.sharedMemory.build();
    const nodes = createCanvasNodeCache()(
      flow.nodes,
      none,
      problemSummariesByNode(flow),
      memoryColors(flow),
      new Map(),
    );
    const llms = nodes.filter((n) => n.type === "flowLlm");
    expect(llms).toHaveLength(2);
    const [first, second] = llms;
    expect(first?.data.memoryColor).toBeTruthy();
    expect(first?.data.memoryColor).toBe(second?.data.memoryColor);
    expect(first?.ariaLabel).toBe("LLM llm1, memory shared_memory, all messages");
  });

  it("marks a node with problems and says so in its name", () => {
    const flow = STARTER_FLOWS.chatWithMemory.build();
    const broken = {
      ...flow,
      nodes: flow.nodes.map(
        (n): FlowNode => (n.type === "llm" ? { ...n, config: { ...n.config, model: "" } } : n),
      ),
    };
    const nodes = createCanvasNodeCache()(
      broken.nodes,
      none,
      problemSummariesByNode(broken),
      memoryColors(broken),
      new Map(),
    );
    const llm = nodes.find((n) => n.id === "chat_llm");
    expect(llm?.data.problemSeverity).toBe("error");
    expect(llm?.data.problemText).toContain("has no model");
    expect(llm?.ariaLabel).toBe("LLM chat_llm, memory chat_llm, all messages, 1 error");
  });

  it("names edges source->target and keeps unchanged edge objects", () => {
    const flow = STARTER_FLOWS.chatWithMemory.build();
    const toEdges = createCanvasEdgeCache();
    const first = toEdges(flow.edges, new Set());
    expect(first.map((e) => e.id)).toEqual(["input->chat_llm", "chat_llm->output"]);
    const second = toEdges(flow.edges, new Set(["chat_llm->output"]));
    expect(second[0]).toBe(first[0]);
    expect(second[1]?.selected).toBe(true);
  });
});
