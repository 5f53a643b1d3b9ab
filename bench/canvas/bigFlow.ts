import { FLOW_SCHEMA, FLOW_VERSION, type Flow, type FlowNode } from "../../src/engine/flow";
import { nodeId } from "../../src/engine/ids";
import { validateFlow } from "../../src/engine/validateFlow";
import { snakePosition } from "./layout";

/** Few enough that every badge is shared by ~100 nodes, as memories are shared in real flows. */
const MEMORY_COUNT = 10;

/**
 * input → `count - 2` LLM nodes in a chain → output (1,000 nodes unless told), on the same snake as the bare page. Every LLM node
 * has a memory (so it draws its memory badge): memory `mem_k` is shared round-robin by every
 * tenth node, with one window size per memory (different sizes on one memory would be a
 * validation warning, and the benchmark flow should be a clean one).
 */
export function bigFlow(count = 1000): Flow {
  const ids = Array.from({ length: count }, (_, i) =>
    i === 0 ? "input" : i === count - 1 ? "output" : `llm_${i}`,
  );
  const nodes: FlowNode[] = ids.map((id, i): FlowNode => {
    const position = snakePosition(i);
    if (i === 0) return { id: nodeId(id), type: "input", position };
    if (i === count - 1) return { id: nodeId(id), type: "output", position, config: {} };
    const memory = (i - 1) % MEMORY_COUNT;
    return {
      id: nodeId(id),
      type: "llm",
      position,
      config: {
        provider: "echo",
        model: "echo",
        memoryId: `mem_${memory}`,
        memoryWindowSize: 2 + memory,
      },
    };
  });
  const edges = ids.slice(1).map((id, i) => ({
    source: nodeId(ids[i] as string),
    target: nodeId(id),
  }));
  return {
    schema: FLOW_SCHEMA,
    version: FLOW_VERSION,
    name: `Benchmark: ${count.toLocaleString("en")} nodes`,
    nodes,
    edges,
  };
}

/** The flow, refused if the app would flag anything in it: the canvas must show a clean flow. */
export function validBigFlow(count = 1000): Flow {
  const flow = bigFlow(count);
  const problems = validateFlow(flow);
  if (problems.length > 0) {
    const first = problems[0]?.message ?? "";
    throw new Error(`the benchmark flow has ${problems.length} problem(s), first: ${first}`);
  }
  return flow;
}
