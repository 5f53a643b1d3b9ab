import { describe, expect, it } from "vitest";
import type { FlowNode, LlmConfig } from "../../engine/flow";
import { nodeId } from "../../engine/ids";
import { memoryColors, memoryHue } from "./memoryColors";

const llm = (id: string, memoryId?: string | null): FlowNode => ({
  id: nodeId(id),
  type: "llm",
  position: { x: 0, y: 0 },
  config: { provider: "echo", model: "echo", memoryId } as LlmConfig,
});

const hueGap = (a: number, b: number) => {
  const d = Math.abs(a - b) % 360;
  return Math.min(d, 360 - d);
};

describe("memoryColors", () => {
  it("gives every node sharing a memory the same colour", () => {
    const flow = {
      nodes: [llm("a", "shared"), llm("b", "own"), llm("c", "shared"), llm("d", "shared")],
    };
    const first = memoryColors(flow);
    // Nodes look their colour up by memory id, so one entry per id is one colour per memory.
    expect([...first.keys()]).toEqual(["shared", "own"]);
    // Recomputing (any re-render) gives the same colours.
    expect(memoryColors(flow)).toEqual(first);
  });

  it("gives different memories of one flow different colours", () => {
    const ids = ["chat_llm", "shared_memory", "summary", "notes", "a", "b", "c", "d", "e", "f"];
    const colors = memoryColors({ nodes: ids.map((m, i) => llm(`n${i}`, m)) });
    expect(colors.size).toBe(ids.length);
    expect(new Set(colors.values()).size).toBe(ids.length);
  });

  it("keeps the hues of up to eight memories at least 30° apart, so they can be told apart", () => {
    const hues = Array.from({ length: 8 }, (_, i) => memoryHue(i));
    for (let i = 0; i < hues.length; i++)
      for (let j = i + 1; j < hues.length; j++)
        expect(hueGap(hues[i] ?? 0, hues[j] ?? 0), `memories ${i} and ${j}`).toBeGreaterThanOrEqual(
          30,
        );
  });

  it("does not change existing colours when a node with a new memory is added", () => {
    const before = memoryColors({ nodes: [llm("a", "zeta"), llm("b", "alpha")] });
    const after = memoryColors({
      nodes: [llm("a", "zeta"), llm("b", "alpha"), llm("c", "aardvark")],
    });
    expect(after.get("zeta")).toBe(before.get("zeta"));
    expect(after.get("alpha")).toBe(before.get("alpha"));
  });

  it("ignores nodes without memory and non-LLM nodes", () => {
    const input: FlowNode = { id: nodeId("input"), type: "input", position: { x: 0, y: 0 } };
    const colors = memoryColors({ nodes: [input, llm("a"), llm("b", null), llm("c", "")] });
    expect(colors.size).toBe(0);
  });
});
