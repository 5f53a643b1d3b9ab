import { describe, expect, it } from "vitest";
import { FLOW_SCHEMA, FLOW_VERSION, type Flow } from "../engine/flow";
import { nodeId } from "../engine/ids";
import { flowToText } from "./flowText";

function chain(count: number): Flow {
  const ids = Array.from({ length: count }, (_, i) => nodeId(`n${i}`));
  return {
    schema: FLOW_SCHEMA,
    version: FLOW_VERSION,
    name: 'A "quoted" name, with ünïcode and \n a line break',
    nodes: ids.map((id, i) => ({
      id,
      type: "llm",
      position: { x: i * 10, y: -i },
      config: { provider: "echo", model: "echo", system: i % 2 ? undefined : "be brief" },
    })),
    edges: ids.slice(1).map((id, i) => ({ source: ids[i] as typeof id, target: id })),
  };
}

/** A clock that moves on a whole slice at every look: the text is written one check at a time. */
const alwaysLate = () => {
  let t = 0;
  return () => (t += 1000);
};

describe("flowToText", () => {
  it("writes exactly what JSON.stringify writes", async () => {
    const flow = {
      ...chain(300),
      memories: { shared: { scope: "flow" } },
      // Left out by JSON.stringify, and an array's undefined written as null.
      description: undefined,
      edges: [...chain(300).edges, undefined],
    } as unknown as Flow;
    expect(await flowToText(flow, alwaysLate())).toBe(JSON.stringify(flow));
    expect(await flowToText(flow)).toBe(JSON.stringify(flow));
  });

  it("gives the page its thread back between slices of a large flow", async () => {
    let ranMeanwhile = false;
    setTimeout(() => {
      ranMeanwhile = true;
    }, 0);
    await flowToText(chain(1000), alwaysLate());
    expect(ranMeanwhile).toBe(true);
  });

  it("writes a flow quicker than a slice in one go", async () => {
    let ranMeanwhile = false;
    setTimeout(() => {
      ranMeanwhile = true;
    }, 0);
    await flowToText(chain(1000), () => 0);
    expect(ranMeanwhile).toBe(false);
  });
});
