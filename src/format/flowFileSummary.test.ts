import { describe, expect, it } from "vitest";
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
      nodesByType: { input: 1, llm: 2, template: 1, output: 1 },
      memories: [{ memoryId: "summarizer", nodeIds: ["summarizer", "answer"] }],
      providers: ["echo", "openai"],
    });
  });

  it("sorts memories by id and leaves out LLMs without memory", () => {
    const shared = flowFileSummary(STARTER_FLOWS.sharedMemory.build());
    expect(shared.memories).toEqual([{ memoryId: "shared_memory", nodeIds: ["llm1", "llm2"] }]);
    expect(flowFileSummary(STARTER_FLOWS.chatWithoutMemory.build()).memories).toEqual([]);
  });
});
