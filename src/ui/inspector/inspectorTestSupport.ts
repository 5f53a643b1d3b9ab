import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import {
  FLOW_SCHEMA,
  FLOW_VERSION,
  type Flow,
  type FlowNode,
  type LlmConfig,
} from "../../engine/flow";
import { flowId, type NodeId, nodeId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

const llm = (id: string, config: Partial<LlmConfig> = {}): FlowNode => ({
  id: nodeId(id),
  type: "llm",
  position: { x: 0, y: 0 },
  config: { provider: "echo", model: "echo", prompt: "{{input}}", ...config },
});

/**
 * input → llm1 → llm2 → summary (template) → output, plus `side` off the input:
 * llm1 and llm2 share "shared_memory"; `side` has no memory.
 */
export function sharedMemoryFlow(): Flow {
  const edges: [string, string][] = [
    ["input", "llm1"],
    ["llm1", "llm2"],
    ["llm2", "summary"],
    ["summary", "output"],
    ["input", "side"],
    ["side", "output"],
  ];
  return {
    schema: FLOW_SCHEMA,
    version: FLOW_VERSION,
    name: "Inspector test flow",
    nodes: [
      { id: nodeId("input"), type: "input", position: { x: 0, y: 0 } },
      llm("llm1", { memoryId: "shared_memory", systemPrompt: "Be brief." }),
      llm("llm2", { memoryId: "shared_memory", prompt: "Summarize: {{llm1}}" }),
      {
        id: nodeId("summary"),
        type: "template",
        position: { x: 0, y: 0 },
        config: { template: "{{llm1}} / {{llm2}}" },
      },
      llm("side"),
      {
        id: nodeId("output"),
        type: "output",
        position: { x: 0, y: 0 },
        config: { value: "{{summary}} {{side}}" },
      },
    ],
    edges: edges.map(([source, target]) => ({ source: nodeId(source), target: nodeId(target) })),
  };
}

/** Opens `flow` in the editor with one node selected, as a click on the canvas would. */
export function openWithSelection(flow: Flow, ...selected: string[]) {
  useFlowStore.getState().open(flowId("inspector-test"), flow);
  useFlowStore.getState().select(selected as NodeId[]);
}

export function storedNode(id: string): FlowNode | undefined {
  return useFlowStore.getState().flow?.nodes.find((n) => n.id === id);
}

export function storedConfig(id: string): Record<string, unknown> | undefined {
  return storedNode(id)?.config as Record<string, unknown> | undefined;
}

/** The text a screen reader reads after the field's name (jest-dom is not installed here). */
export function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(/\s+/) ?? [];
  return ids
    .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? "")
    .join(" ")
    .trim();
}

export const shownValue = (element: HTMLElement) =>
  (element as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
