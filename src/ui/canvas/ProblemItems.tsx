import type { FlowProblem } from "../../engine/flowProblem";
import { useFocusNode } from "./useFocusNode";

function ProblemText({ problem }: { problem: FlowProblem }) {
  const word = problem.severity === "error" ? "Error" : "Warning";
  return (
    <>
      <span className={`problem-icon problem-icon-${problem.severity}`} aria-hidden="true">
        !
      </span>
      <span className="sr-only">{word}: </span>
      {problem.nodeId && <span className="problem-node">{problem.nodeId}</span>}
      <span className="problem-message">{problem.message}</span>
    </>
  );
}

/**
 * The problems, errors first, as ProblemsList shows them once there are any (loaded then, not
 * with the first page). A problem about a node is a button that selects the node and brings
 * it into view.
 */
export function ProblemItems({ problems }: { problems: readonly FlowProblem[] }) {
  const focusNode = useFocusNode();
  return (
    <ul>
      {problems.map((problem, i) => {
        const { nodeId } = problem;
        const className = `problem-item problem-${problem.severity}`;
        return (
          // Problems have no id; the same message can repeat, so the index breaks ties.
          // biome-ignore lint/suspicious/noArrayIndexKey: derived list, rebuilt as a whole
          <li key={`${i}:${problem.message}`}>
            {nodeId ? (
              <button type="button" className={className} onClick={() => focusNode(nodeId)}>
                <ProblemText problem={problem} />
              </button>
            ) : (
              <div className={className}>
                <ProblemText problem={problem} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
