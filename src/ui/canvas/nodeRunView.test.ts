import type { Edge } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import type { RunSnapshot } from "../../engine/runSnapshot";
import { settledViews, withFlowingEdges } from "./nodeRunView";

function run(id: string, nodes: RunSnapshot["nodes"], extra: Partial<RunSnapshot> = {}) {
  return {
    id,
    parentRunId: null,
    nodes,
    startedAt: 0,
    ...extra,
  } as unknown as RunSnapshot;
}

describe("each node's last output", () => {
  it("comes from the head run, then from nodes run alone from it since", () => {
    const head = run("h", [
      { nodeId: "a" as never, type: "llm", status: "ok", output: "first", startedAt: 1 },
      {
        nodeId: "b" as never,
        type: "llm",
        status: "error",
        error: { kind: "internal", message: "boom" },
        startedAt: 1,
      },
      { nodeId: "c" as never, type: "output", status: "skipped" },
      { nodeId: "d" as never, type: "output", status: "aborted" },
    ]);
    const other = run("o", [
      { nodeId: "a" as never, type: "llm", status: "ok", output: "other branch", startedAt: 1 },
    ]);
    const alone = run(
      "x",
      [{ nodeId: "a" as never, type: "llm", status: "ok", output: "again", startedAt: 6 }],
      {
        parentRunId: "h" as never,
        startedAt: 5,
        runFromHere: { nodeId: "a" as never, source: "typed", writesMemory: false },
      },
    );
    const views = settledViews([other, head, alone], "h");
    expect(views.get("a")).toEqual({ status: "done", output: "again" });
    expect(views.get("b")).toEqual({ status: "failed", error: "boom" });
    expect(views.get("c")).toEqual({ status: "skipped" });
    // Stopped before it started: it did not fail.
    expect(views.get("d")).toEqual({ status: "skipped" });
    expect(settledViews([head], null).size).toBe(0);
  });
});

describe("connections carrying data", () => {
  const edges: Edge[] = [
    { id: "a->b", source: "a", target: "b" },
    { id: "b->c", source: "b", target: "c" },
  ];
  it("animate from a node done to one not done yet, only while a run is in progress", () => {
    const live = {
      runId: null,
      nodes: { a: { status: "done" as const }, b: { status: "running" as const } },
    };
    const drawn = withFlowingEdges(edges, live);
    expect(drawn.map((e) => Boolean(e.animated))).toEqual([true, false]);
    expect(withFlowingEdges(edges, null)).toBe(edges);
    const finished = {
      runId: null,
      nodes: { a: { status: "done" as const }, b: { status: "done" as const } },
    };
    expect(withFlowingEdges(edges, finished).map((e) => Boolean(e.animated))).toEqual([
      false,
      true,
    ]);
  });
});
