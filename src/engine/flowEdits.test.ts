import { describe, expect, it } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import type { Flow } from "./flow";
import {
  addNode,
  addProblem,
  connect,
  fragmentOf,
  newNode,
  pasteFragment,
  removeNodes,
  renameNode,
  uniqueNodeId,
  updateConfig,
} from "./flowEdits";
import { nodeId } from "./ids";
import { memoryUsage } from "./memoryUsage";
import { validateFlow } from "./validateFlow";

const ids = (flow: Flow) => flow.nodes.map((n) => n.id);
const edges = (flow: Flow) => flow.edges.map((e) => `${e.source}->${e.target}`);

describe("flow edits", () => {
  it("gives new nodes the first free id and the settings to start from", () => {
    const flow = loadFlow("shared-memory-sequence");
    expect(uniqueNodeId(flow, "llm1")).toBe("llm1_2");
    expect(uniqueNodeId(flow, "llm")).toBe("llm");
    const node = newNode(flow, "llm", { x: 10.4, y: 20.6 });
    expect(node).toEqual({
      id: "llm",
      type: "llm",
      position: { x: 10, y: 21 },
      config: { provider: "echo", model: "echo" },
    });
    expect(newNode(addNode(flow, node), "llm", { x: 0, y: 0 }).id).toBe("llm_2");
    expect(newNode(flow, "input", { x: 0, y: 0 }).id).toBe("input_2");
  });

  it("refuses a connection that would make a cycle, naming both nodes", () => {
    const flow = loadFlow("shared-memory-sequence");
    expect(connect(flow, nodeId("llm2"), nodeId("llm1"))).toEqual({
      ok: false,
      reason: "Connecting llm2 to llm1 would make a cycle: llm1 already leads to llm2.",
    });
    expect(connect(flow, nodeId("llm1"), nodeId("llm1"))).toMatchObject({
      ok: false,
      reason: "A node cannot be connected to itself.",
    });
    expect(connect(flow, nodeId("llm1"), nodeId("input"))).toMatchObject({ ok: false });
    expect(connect(flow, nodeId("input"), nodeId("llm2"))).toMatchObject({ ok: true });
  });

  it("renames a node everywhere it is referenced, or says why not", () => {
    const flow = loadFlow("shared-memory-sequence");
    const renamed = renameNode(flow, nodeId("llm1"), "writer");
    if (!renamed.ok) throw new Error(renamed.reason);
    expect(ids(renamed.flow)).toEqual(["input", "writer", "llm2", "output"]);
    expect(edges(renamed.flow)).toEqual(["input->writer", "writer->llm2", "llm2->output"]);
    const llm2 = renamed.flow.nodes.find((n) => n.id === "llm2");
    expect(llm2?.type === "llm" && llm2.config.prompt).toBe("Summarize: {{writer}}");
    // The memory keeps its name: stored conversations are filed under it.
    expect([...memoryUsage(renamed.flow).keys()]).toEqual(["shared_memory"]);
    expect(validateFlow(renamed.flow)).toEqual([]);
    expect(renameNode(flow, nodeId("llm1"), "llm2")).toEqual({
      ok: false,
      reason: 'Another node is already called "llm2".',
    });
    expect(renameNode(flow, nodeId("llm1"), "2x")).toMatchObject({ ok: false });
    expect(renameNode(flow, nodeId("llm1"), "input")).toMatchObject({ ok: false });
  });

  it("removes nodes with their connections", () => {
    const flow = removeNodes(loadFlow("shared-memory-sequence"), new Set([nodeId("llm2")]));
    expect(ids(flow)).toEqual(["input", "llm1", "output"]);
    expect(edges(flow)).toEqual(["input->llm1"]);
  });

  it("pastes copies with new ids, their settings, inner connections and templates", () => {
    const flow = loadFlow("shared-memory-sequence");
    const fragment = fragmentOf(flow, new Set([nodeId("llm1"), nodeId("llm2")]));
    const pasted = pasteFragment(flow, fragment, { x: 40, y: 40 });
    expect(pasted.ids).toEqual(["llm1_2", "llm2_2"]);
    expect(edges(pasted.flow).slice(3)).toEqual(["llm1_2->llm2_2"]);
    const copy = pasted.flow.nodes.find((n) => n.id === "llm2_2");
    expect(copy?.type === "llm" && copy.config).toMatchObject({
      prompt: "Summarize: {{llm1_2}}",
      memoryId: "shared_memory",
    });
    expect(copy?.position).toEqual({ x: 600, y: 40 });
    // The original is untouched (undo keeps it).
    expect(ids(flow)).toEqual(["input", "llm1", "llm2", "output"]);
  });

  it("updates a config field and removes one set to undefined", () => {
    const flow = updateConfig(loadFlow("memory-window-5"), nodeId("chat_llm"), {
      memoryWindowSize: undefined,
      model: "gpt-4o-mini",
    });
    const llm = flow.nodes.find((n) => n.id === "chat_llm");
    expect(llm?.type === "llm" && "memoryWindowSize" in llm.config).toBe(false);
    expect(llm?.type === "llm" && llm.config.model).toBe("gpt-4o-mini");
  });

  it("lists who shares each memory", () => {
    expect(memoryUsage(loadFlow("shared-memory-parallel"))).toEqual(
      new Map([
        [
          "M",
          [
            { nodeId: "llm_a", mode: "read-write", windowSize: null, windowTokens: null },
            { nodeId: "llm_b", mode: "read-write", windowSize: null, windowTokens: null },
          ],
        ],
      ]),
    );
  });
});

describe("the editor's rules for node kinds", () => {
  const chat = () => loadFlow("chat-with-memory");

  it("names a new Input node input, and refuses a second one", () => {
    const empty: Flow = { ...chat(), nodes: [], edges: [] };
    expect(newNode(empty, "input", { x: 0, y: 0 }).id).toBe("input");
    expect(addProblem(empty, "input")).toBeNull();
    expect(addProblem(chat(), "input")).toMatch(/already has its Input node, "input"/);
    expect(addProblem(chat(), "llm")).toBeNull();
  });

  it("refuses a connection out of an Output node or into an Input node", () => {
    const out = connect(chat(), nodeId("output"), nodeId("chat_llm"));
    expect(out).toEqual({
      ok: false,
      reason:
        '"output" is an output node: it shows a result in the chat and connects to nothing: remove the connection output → chat_llm.',
    });
    const into = connect(chat(), nodeId("chat_llm"), nodeId("input"));
    expect(into.ok).toBe(false);
  });

  it("gives a copy of a node on its own memory a memory of its own; a shared memory stays shared", () => {
    const flow = loadFlow("shared-memory-sequence");
    const own = pasteFragment(chat(), fragmentOf(chat(), new Set([nodeId("chat_llm")])), {
      x: 40,
      y: 40,
    });
    const copy = own.flow.nodes.find((n) => n.id === own.ids[0]);
    expect(copy?.id).toBe("chat_llm_2");
    expect(copy?.type === "llm" && copy.config.memoryId).toBe("chat_llm_2");
    const shared = pasteFragment(flow, fragmentOf(flow, new Set([nodeId("llm1")])), {
      x: 40,
      y: 40,
    });
    const sharedCopy = shared.flow.nodes.find((n) => n.id === shared.ids[0]);
    expect(sharedCopy?.type === "llm" && sharedCopy.config.memoryId).toBe("shared_memory");
  });

  it("pastes an Input node into a flow that has one as that flow's Input", () => {
    const source = chat();
    const fragment = fragmentOf(source, new Set([nodeId("input"), nodeId("chat_llm")]));
    const pasted = pasteFragment(source, fragment, { x: 40, y: 40 });
    expect(pasted.flow.nodes.filter((n) => n.type === "input")).toHaveLength(1);
    expect(pasted.ids).toEqual(["chat_llm_2"]);
    expect(pasted.flow.edges).toContainEqual({ source: "input", target: "chat_llm_2" });
  });
});
