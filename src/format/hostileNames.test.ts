import { describe, expect, it } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import { HOSTILE_NAMES, withHostileNames } from "../../test/helpers/hostileNames";
import { flowFileSummary } from "./flowFileSummary";
import { readFlowFile } from "./readFlowFile";
import { writeFlowFile } from "./writeFlowFile";

describe("flow files with node and memory ids like __proto__ and constructor", () => {
  for (const seed of ["shared-memory-sequence", "shared-memory-parallel", "memory-window-5"]) {
    it(`${seed}: written, read back and summarized as any other name`, () => {
      const { flow } = withHostileNames(
        loadFlow(seed),
        HOSTILE_NAMES,
        [...HOSTILE_NAMES].reverse(),
      );
      const read = readFlowFile(writeFlowFile(flow));
      if (!read.ok) throw new Error(JSON.stringify(read.errors));
      expect(read.flow).toEqual(flow);
      // The preview lists each memory under its own name, with the nodes using it.
      const users = new Map<string, string[]>();
      for (const n of flow.nodes) {
        if (n.type === "llm" && typeof n.config.memoryId === "string") {
          users.set(n.config.memoryId, [...(users.get(n.config.memoryId) ?? []), n.id]);
        }
      }
      const listed = flowFileSummary(read.flow).memories;
      expect(new Map(listed.map((m) => [m.memoryId, m.nodeIds]))).toEqual(users);
    });
  }
});
