import { beforeEach, describe, expect, it, vi } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import { flowId, type NodeId, nodeId } from "../engine/ids";
import { createFlowStore } from "./flowStore";

const useFlowStore = createFlowStore();
const flowHistory = useFlowStore.history;

const store = () => useFlowStore.getState();
const llmConfig = (id: string) => {
  const node = store().flow?.nodes.find((n) => n.id === id);
  return node?.type === "llm" ? node.config : undefined;
};

beforeEach(() => {
  vi.useRealTimers();
  store().open(flowId("f"), loadFlow("chat-with-memory"));
});

describe("flow store history", () => {
  it("undoes and redoes an added node, and drops it from the selection when undone", () => {
    const id = store().addNode("llm", { x: 0, y: 0 });
    expect(store().selection).toEqual([id]);
    flowHistory.undo();
    expect(store().flow?.nodes.map((n) => n.id)).toEqual(["input", "chat_llm", "output"]);
    expect(store().selection).toEqual([]);
    flowHistory.redo();
    expect(store().flow?.nodes.map((n) => n.id)).toContain("llm");
  });

  it("makes a burst of typing in one field one undo step", () => {
    vi.useFakeTimers();
    for (const model of ["g", "gp", "gpt"]) {
      store().updateConfig(nodeId("chat_llm"), { model });
      vi.advanceTimersByTime(100);
    }
    store().updateConfig(nodeId("chat_llm"), { memoryWindowSize: 5 });
    flowHistory.undo();
    expect(llmConfig("chat_llm")).toMatchObject({ model: "gpt" });
    expect(llmConfig("chat_llm")?.memoryWindowSize).toBeUndefined();
    flowHistory.undo();
    expect(llmConfig("chat_llm")?.model).toBe("echo");
  });

  it("makes a whole drag one undo step back to where it began", () => {
    flowHistory.beginGesture();
    for (const x of [10, 20, 30]) store().moveNodes(new Map([[nodeId("output"), { x, y: 0 }]]));
    flowHistory.endGesture();
    flowHistory.undo();
    expect(store().flow?.nodes.find((n) => n.id === "output")?.position).toEqual({ x: 560, y: 0 });
  });

  it("refuses a cycle with a notice and keeps the flow as it was", () => {
    // A template after chat_llm, then a connection back into chat_llm: a loop.
    const template = store().addNode("template", { x: 600, y: 0 }) as NodeId;
    expect(store().connect(nodeId("chat_llm"), template)).toBe(true);
    const withTemplate = store().flow;
    expect(store().connect(template, nodeId("chat_llm"))).toBe(false);
    expect(store().notice).toContain("would make a cycle");
    expect(store().flow).toBe(withTemplate);
  });

  it("refuses a connection out of an Output node, which connects to nothing", () => {
    const before = store().flow;
    expect(store().connect(nodeId("output"), nodeId("chat_llm"))).toBe(false);
    expect(store().notice).toBe(
      '"output" is an output node: it shows a result in the chat and connects to nothing: remove the connection output → chat_llm.',
    );
    expect(store().flow).toBe(before);
  });

  it("adds no second Input node: the chat message has one, and says so", () => {
    const before = store().flow;
    expect(store().addNode("input", { x: 0, y: 300 })).toBeNull();
    expect(store().notice).toBe(
      'This flow already has its Input node, "input": the chat message has one node, {{input}}.',
    );
    expect(store().flow).toBe(before);
  });

  it("opening a flow starts its history empty", () => {
    store().addNode("llm", { x: 0, y: 0 });
    store().open(flowId("g"), loadFlow("window-0"));
    expect(useFlowStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it("keeps each flow's undo history across a switch to another flow and back", () => {
    const f = flowId("history-f");
    const g = flowId("history-g");
    store().open(f, loadFlow("chat-with-memory"));
    store().addNode("llm", { x: 0, y: 300 });
    store().addNode("template", { x: 300, y: 300 });
    flowHistory.undo();
    // Reopened as storage gives it back: a copy equal to what was left.
    const left = structuredClone(store().flow);
    store().open(g, loadFlow("window-0"));
    store().updateConfig(nodeId("chat_llm"), { model: "in-g" });
    store().open(f, left as NonNullable<typeof left>);
    flowHistory.redo();
    expect(store().flow?.nodes.map((n) => n.id)).toContain("template");
    flowHistory.undo();
    flowHistory.undo();
    expect(store().flow?.nodes.map((n) => n.id)).toEqual(["input", "chat_llm", "output"]);
    store().open(g, loadFlow("window-0"));
    // g was left edited, so the stored copy differs from the default: its history starts anew.
    expect(useFlowStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it("drops a kept history when the flow comes back changed (saved in another tab)", () => {
    const f = flowId("history-changed");
    store().open(f, loadFlow("chat-with-memory"));
    store().addNode("llm", { x: 0, y: 300 });
    const left = structuredClone(store().flow) as NonNullable<ReturnType<typeof store>["flow"]>;
    store().open(flowId("elsewhere"), loadFlow("window-0"));
    store().open(f, { ...left, name: "Renamed in another tab" });
    expect(useFlowStore.temporal.getState().pastStates).toHaveLength(0);
    flowHistory.undo();
    expect(store().flow?.name).toBe("Renamed in another tab");
  });
});
