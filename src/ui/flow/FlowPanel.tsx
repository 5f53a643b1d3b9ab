import { Fragment } from "react";
import type { FlowNode } from "../../engine/flow";
import { NODE_KINDS } from "../../engine/nodeKinds";
import { useStudio } from "../../store/studioStore";
import { LlmSettings } from "./LlmSettings";
import { windowLabel } from "./memoryLabels";

/** The flow as a list until the canvas arrives: each node and, for LLMs, its settings. */
export function FlowPanel() {
  const flow = useStudio((s) => s.flow);
  const problems = useStudio((s) => s.problems);
  if (!flow) return null;
  return (
    <section className="panel flow" aria-label="Flow">
      <div className="panel-header">
        <h2>Flow</h2>
      </div>
      <ol className="pipeline">
        {flow.nodes.map((node) => (
          <Fragment key={node.id}>
            <li className={`node node-${node.type}`}>
              <div className="node-title">
                <span className="kind">{NODE_KINDS[node.type].label}</span>
                <code>{node.id}</code>
                {node.type === "llm" && <MemoryBadge node={node} />}
              </div>
              {node.type === "llm" && <LlmSettings node={node} />}
            </li>
          </Fragment>
        ))}
      </ol>
      {problems.length > 0 && (
        <ul className="problems" aria-label="Problems">
          {problems.map((p) => (
            <li key={`${p.nodeId}-${p.field}-${p.message}`} className={p.severity}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MemoryBadge({ node }: { node: Extract<FlowNode, { type: "llm" }> }) {
  const { memoryId, memoryWindowSize } = node.config;
  if (!memoryId) return <span className="badge off">no memory</span>;
  return (
    <span className="badge">
      memory “{memoryId}” · {windowLabel(memoryWindowSize)}
    </span>
  );
}
