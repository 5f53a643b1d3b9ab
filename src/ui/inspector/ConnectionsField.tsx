import { useId, useMemo, useState } from "react";
import type { Flow, FlowNode } from "../../engine/flow";
import { buildGraph } from "../../engine/graph";
import type { NodeId } from "../../engine/ids";
import { NODE_KINDS } from "../../engine/nodeKinds";
import { useFlowStore } from "../../store/flowStore";
import { useDeferredWhenLarge } from "../canvas/flowDerived";

/** The list offers at most this many sources: 50,000 options would freeze the panel. */
const MAX_OPTIONS = 500;

/**
 * The node's incoming connections, editable without a mouse: keyboard users connect nodes
 * here. Only sources that the canvas would accept are offered (no self-loop, no cycle).
 */
export function ConnectionsField({ node, flow }: { node: FlowNode; flow: Flow }) {
  const id = useId();
  const connectNodes = useFlowStore((s) => s.connect);
  const removeEdge = useFlowStore((s) => s.removeEdge);
  const inputs = flow.edges.filter((e) => e.target === node.id).map((e) => e.source);
  // Walks the graph of every node: for a large flow, in a deferred render of its own.
  const asked = useDeferredWhenLarge(
    flow,
    useMemo(() => ({ flow, id: node.id }), [flow, node.id]),
  );
  const candidates = useMemo(
    () => (asked ? connectableSources(asked.flow, asked.id) : []),
    [asked],
  );
  const [choice, setChoice] = useState<string>("");
  const selected = candidates.includes(choice as NodeId) ? choice : (candidates[0] ?? "");

  if (!NODE_KINDS[node.type].acceptsInputs) return null;
  return (
    <fieldset className="inspector-fieldset">
      <legend>Inputs</legend>
      {inputs.length === 0 ? (
        <p className="inspector-help">Nothing is connected to this node yet.</p>
      ) : (
        <ul className="inspector-connections" aria-label="Connected from">
          {inputs.map((source) => (
            <li key={source}>
              <code>{source}</code>
              <button
                type="button"
                className="secondary"
                onClick={() => removeEdge(source, node.id)}
              >
                Disconnect {source}
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <div className="inspector-connect">
          <label htmlFor={`${id}-from`}>Connect from</label>
          <select id={`${id}-from`} value={selected} onChange={(e) => setChoice(e.target.value)}>
            {candidates.slice(0, MAX_OPTIONS).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => selected && connectNodes(selected as NodeId, node.id)}
          >
            Connect
          </button>
          {candidates.length > MAX_OPTIONS && (
            <p className="inspector-help">
              The first {MAX_OPTIONS} of {candidates.length.toLocaleString("en")} nodes: connect
              others on the canvas.
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}

/**
 * The nodes that may connect into `target`: not itself, not already connected, not downstream
 * of it (that would close a cycle), and of a kind that has an output. One walk downstream, not one graph per node.
 */
function connectableSources(flow: Flow, target: NodeId): NodeId[] {
  const graph = buildGraph(flow);
  const blocked = new Set<NodeId>([target, ...(graph.upstream.get(target) ?? [])]);
  const todo = [target];
  while (todo.length > 0) {
    for (const next of graph.downstream.get(todo.pop() as NodeId) ?? []) {
      if (!blocked.has(next)) {
        blocked.add(next);
        todo.push(next);
      }
    }
  }
  // Only kinds that give an output can feed another node (never an Output node).
  return flow.nodes
    .filter((n) => !blocked.has(n.id) && NODE_KINDS[n.type].hasOutput)
    .map((n) => n.id);
}
