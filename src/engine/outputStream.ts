import type { Flow } from "./flow";
import { buildGraph } from "./graph";
import type { NodeId } from "./ids";
import { nodeTemplate } from "./nodeKinds";
import { soleReference } from "./template";

/**
 * The LLM whose tokens an output node shows as they stream: only where the output is
 * exactly that LLM's text (`{{llm}}`, or its single input with no template). Any other
 * output has text around the reply, so it appears when the run has filled it in.
 */
export function outputStreamSource(flow: Flow, outputId: NodeId): NodeId | null {
  const output = flow.nodes.find((n) => n.id === outputId);
  if (output?.type !== "output") return null;
  const template = nodeTemplate(output);
  let source: string | undefined;
  if (template === undefined) {
    const inputs = buildGraph(flow).upstream.get(outputId) ?? [];
    source = inputs.length === 1 ? inputs[0] : undefined;
  } else {
    // Whitespace around the reference still shows the reply as it streams.
    source = soleReference(template.trim()) ?? undefined;
  }
  const node = flow.nodes.find((n) => n.id === source);
  return node?.type === "llm" ? node.id : null;
}
