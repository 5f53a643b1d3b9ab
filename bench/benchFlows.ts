import { FLOW_SCHEMA, FLOW_VERSION, type Flow, type FlowNode } from "../src/engine/flow";
import { nodeId } from "../src/engine/ids";

/** Each LLM node keeps its own memory with a window of 5, so every call reads and appends. */
const WINDOW = 5;

function llmNode(id: string, x: number, y: number, prompt?: string): FlowNode {
  return {
    id: nodeId(id),
    type: "llm",
    position: { x, y },
    config: {
      provider: "echo",
      model: "echo",
      memoryId: id,
      memoryWindowSize: WINDOW,
      ...(prompt !== undefined && { prompt }),
    },
  };
}

const edge = (source: string, target: string) => ({
  source: nodeId(source),
  target: nodeId(target),
});

function flow(name: string, nodes: FlowNode[], edges: Flow["edges"]): Flow {
  return { schema: FLOW_SCHEMA, version: FLOW_VERSION, name, nodes, edges };
}

/**
 * input → `llmCount` LLM nodes one after the other → output. The LLM nodes have no prompt, so
 * each passes its single upstream output on: the longest dependency path the scheduler handles.
 */
export function chainFlow(llmCount: number): Flow {
  const ids = Array.from({ length: llmCount }, (_, i) => `c${i}`);
  const nodes: FlowNode[] = [
    { id: nodeId("input"), type: "input", position: { x: 0, y: 0 } },
    ...ids.map((id, i) => llmNode(id, 200 * (i + 1), 0)),
    { id: nodeId("out"), type: "output", position: { x: 200 * (llmCount + 1), y: 0 }, config: {} },
  ];
  const path = ["input", ...ids, "out"];
  return flow(
    `chain of ${llmCount}`,
    nodes,
    path.slice(1).map((id, i) => edge(path[i] as string, id)),
  );
}

/** input → `width` LLM nodes side by side → one output whose template joins all their replies. */
export function fanOutFlow(width: number): Flow {
  const ids = Array.from({ length: width }, (_, i) => `f${i}`);
  const nodes: FlowNode[] = [
    { id: nodeId("input"), type: "input", position: { x: 0, y: 0 } },
    ...ids.map((id, i) => llmNode(id, 200, 100 * i, "{{input}}")),
    {
      id: nodeId("out"),
      type: "output",
      position: { x: 400, y: 0 },
      config: { value: ids.map((id) => `{{${id}}}`).join(" ") },
    },
  ];
  const edges = [...ids.map((id) => edge("input", id)), ...ids.map((id) => edge(id, "out"))];
  return flow(`fan-out of ${width}`, nodes, edges);
}
