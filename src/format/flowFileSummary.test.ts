import { describe, expect, it } from "vitest";
import type { Flow, FlowNode } from "../engine/flow";
import { noteId } from "../engine/ids";
import { STARTER_FLOWS } from "../engine/starterFlows";
import { flowFileSummary } from "./flowFileSummary";

describe("flowFileSummary", () => {
  it("counts nodes and edges and lists each memory with the nodes using it", () => {
    const flow = STARTER_FLOWS.summarizeThenAnswer.build();
    const answer = flow.nodes[3];
    if (answer?.type !== "llm") throw new Error("fixture changed");
    answer.config.memoryId = "summarizer";
    answer.config.provider = "openai";
    expect(flowFileSummary(flow)).toEqual({
      name: "Summarize, then answer",
      nodeCount: 5,
      edgeCount: 5,
      noteCount: 0,
      nodesByType: { input: 1, llm: 2, template: 1, output: 1 },
      memories: [{ memoryId: "summarizer", nodeIds: ["summarizer", "answer"] }],
      providers: ["echo", "openai"],
    });
  });

  it("counts the sticky notes (version 3), which are not nodes", () => {
    const flow = STARTER_FLOWS.chatWithMemory.build();
    const note = (id: string) => ({
      id: noteId(id),
      text: "**hi**",
      position: { x: 0, y: 0 },
      width: 200,
      height: 100,
    });
    const summary = flowFileSummary({ ...flow, notes: [note("a"), note("b")] });
    expect(summary.noteCount).toBe(2);
    expect(summary.nodeCount).toBe(flow.nodes.length);
  });

  it("sorts memories by id and leaves out LLMs without memory", () => {
    const shared = flowFileSummary(STARTER_FLOWS.sharedMemory.build());
    expect(shared.memories).toEqual([{ memoryId: "shared_memory", nodeIds: ["llm1", "llm2"] }]);
    expect(flowFileSummary(STARTER_FLOWS.chatWithoutMemory.build()).memories).toEqual([]);
  });

  it("says what kind each memory is beyond its window, and the summarizer's provider", () => {
    const base = STARTER_FLOWS.sharedMemory.build();
    const flow: Flow = {
      ...base,
      memories: { shared_memory: { scope: "flow" } },
      nodes: base.nodes.map(
        (n): FlowNode =>
          n.type === "llm" && n.id === "llm1"
            ? {
                ...n,
                config: {
                  ...n.config,
                  memoryWindowTokens: 2000,
                  memorySummary: { provider: "anthropic", model: "claude-haiku" },
                },
              }
            : n,
      ),
    };
    const summary = flowFileSummary(flow);
    expect(summary.memories).toEqual([
      {
        memoryId: "shared_memory",
        nodeIds: ["llm1", "llm2"],
        kinds: ["shared by every conversation", "token budget 2,000", "summary by claude-haiku"],
      },
    ]);
    expect(summary.providers).toContain("anthropic");
  });
});
