import { describe, expect, it } from "vitest";
import type { FlowNode, LlmConfig } from "./flow";
import { nodeId } from "./ids";
import {
  defaultMemoryId,
  keptLimit,
  memorySettings,
  NO_MEMORY,
  nodeMemory,
  nodeMemoryId,
  readsMemory,
  writesMemory,
} from "./memorySettings";

const llm = (config: Partial<LlmConfig>): FlowNode => ({
  id: nodeId("chat_llm"),
  type: "llm",
  position: { x: 0, y: 0 },
  config: { provider: "echo", model: "echo", ...config },
});

describe("memorySettings", () => {
  it("absent, null and an empty memory id all mean no memory", () => {
    for (const memoryId of [undefined, null, ""]) {
      expect(nodeMemory(llm({ memoryId })).memoryId).toBeNull();
    }
    // Not a string at all (a hand-edited file): no memory either, as the engine runs it.
    expect(nodeMemoryId(llm({ memoryId: 5 as unknown as string }))).toBeNull();
  });

  it("a named memory keeps its window and mode; absent window = all, absent mode = read-write", () => {
    expect(nodeMemory(llm({ memoryId: "chat_llm" }))).toEqual({
      memoryId: "chat_llm",
      windowSize: null,
      windowTokens: null,
      mode: "read-write",
    });
    expect(
      nodeMemory(
        llm({
          memoryId: "M",
          memoryWindowSize: 0,
          memoryWindowTokens: 300,
          memoryMode: "read-only",
        }),
      ),
    ).toEqual({ memoryId: "M", windowSize: 0, windowTokens: 300, mode: "read-only" });
    expect(memorySettings({ memoryId: "M", memoryWindowSize: null }).windowSize).toBeNull();
  });

  it("only LLM nodes have memory", () => {
    const input: FlowNode = { id: nodeId("input"), type: "input", position: { x: 0, y: 0 } };
    expect(nodeMemory(input)).toEqual(NO_MEMORY);
    expect(nodeMemory(undefined)).toEqual(NO_MEMORY);
  });

  it("modes decide who reads and who writes", () => {
    const on = (mode: "read-write" | "read-only" | "write-only") =>
      memorySettings({ memoryId: "M", memoryMode: mode });
    expect([readsMemory(on("read-write")), writesMemory(on("read-write"))]).toEqual([true, true]);
    expect([readsMemory(on("read-only")), writesMemory(on("read-only"))]).toEqual([true, false]);
    expect([readsMemory(on("write-only")), writesMemory(on("write-only"))]).toEqual([false, true]);
    expect([readsMemory(NO_MEMORY), writesMemory(NO_MEMORY)]).toEqual([false, false]);
  });

  it("a write-only node keeps nothing whatever its window; others keep their window", () => {
    expect(keptLimit({ mode: "write-only", windowSize: null })).toBe(0);
    expect(keptLimit({ mode: "read-only", windowSize: 3 })).toBe(3);
    expect(keptLimit({ mode: "read-write", windowSize: null })).toBeNull();
  });

  it("switching memory on names it after the node", () => {
    expect(defaultMemoryId(nodeId("chat_llm"))).toBe("chat_llm");
  });
});
