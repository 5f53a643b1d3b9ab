import { describe, expect, it } from "vitest";
import { FLOW_SCHEMA, FLOW_VERSION, type Flow } from "../../engine/flow";
import { nodeId } from "../../engine/ids";
import { availableReferences, MAX_REFERENCES } from "./availableReferences";

/** input → t1 → … → t(count-1), each a template node. */
function chain(count: number): Flow {
  const ids = Array.from({ length: count }, (_, i) => nodeId(i === 0 ? "input" : `t${i}`));
  return {
    schema: FLOW_SCHEMA,
    version: FLOW_VERSION,
    name: "Chain",
    nodes: ids.map((id, i) =>
      i === 0
        ? { id, type: "input", position: { x: 0, y: 0 } }
        : { id, type: "template", position: { x: i, y: 0 }, config: {} },
    ),
    edges: ids.slice(1).map((id, i) => ({ source: ids[i] as typeof id, target: id })),
  };
}

describe("availableReferences", () => {
  it("offers every node upstream in a small flow, in flow order", () => {
    expect(availableReferences(chain(4), nodeId("t3"))).toEqual(["input", "t1", "t2"]);
  });

  it("offers the nearest nodes only at the end of a long chain", () => {
    const offered = availableReferences(chain(5_000), nodeId("t4999"));
    expect(offered.length).toBeLessThanOrEqual(MAX_REFERENCES + 2);
    expect(offered[0]).toBe("input");
    expect(offered).toContain("t4998");
    expect(offered).not.toContain("t1");
  });
});
