import type { Flow, FlowNode } from "./flow";
import { buildGraph } from "./graph";
import type { MessageId, NodeId } from "./ids";
import { nodeTemplate } from "./nodeKinds";
import type { RunSnapshot } from "./runSnapshot";
import { INPUT_REFERENCE, templateReferences } from "./template";

/**
 * One node run alone ("run from here", docs/memory.md): the values it reads are given (the
 * last run's outputs, or typed), not computed by running what is upstream of it.
 */
export interface RunFromHere {
  nodeId: NodeId;
  /** Node id (or "input", the chat message) -> the value the node reads. */
  values: Readonly<Record<string, string>>;
  /** Where those values came from, recorded with the run. */
  source: RunFromHereMark["source"];
  /**
   * Append to the node's memory and move the conversation's head, like a normal turn (one
   * transaction). Otherwise the run writes nothing but its own record.
   */
  writesMemory: boolean;
  /**
   * Without writesMemory: the newest memory message the node reads from (the point at which
   * the last run's call of it read its memory). Absent: the memory as the last run left it.
   */
  memoryHead?: MessageId | null;
}

/** How a run from here is marked in its record (the run inspector says so). */
export interface RunFromHereMark {
  nodeId: NodeId;
  source: "last-run" | "typed";
  writesMemory: boolean;
}

/**
 * The values a node reads, by reference: its template's references, or the node feeding it
 * when it has no template (an output showing its input); an input node reads the message.
 */
export function valuesReadBy(flow: Pick<Flow, "nodes" | "edges">, node: FlowNode): string[] {
  if (node.type === "input") return [INPUT_REFERENCE];
  const template = nodeTemplate(node);
  if (template !== undefined) return templateReferences(template);
  return [...(buildGraph(flow).upstream.get(node.id) ?? [])];
}

/**
 * The head a node's memory had when the run's call of it read it: the newest message its
 * window kept, else the newest it dropped, else none. undefined when that run did not read
 * the node's memory (then the memory as that run left it is used).
 */
export function memoryHeadSeen(run: RunSnapshot, nodeId: NodeId): MessageId | null | undefined {
  const memory = run.nodes.find((n) => n.nodeId === nodeId)?.llm?.memory;
  if (!memory) return undefined;
  return memory.keptIds.at(-1) ?? memory.firstDroppedId ?? null;
}
