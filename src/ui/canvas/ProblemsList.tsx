import { useId } from "react";
import { useLazyModule } from "../common/useLazyModule";
import { useFlowProblems } from "./flowDerived";

/** The list itself loads with the first problem: most flows open with none. */
const loadItems = () => import("./ProblemItems");

/** Everything validateFlow finds, counted, and listed by ProblemItems. */
export function ProblemsList() {
  const problems = useFlowProblems();
  const items = useLazyModule(loadItems, (problems?.length ?? 0) > 0);
  const headingId = useId();
  return (
    <section className="problems-list" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Problems {problems && <span className="count-pill">{problems.length}</span>}
      </h2>
      {problems === null ? (
        <p className="empty">Checking the flow…</p>
      ) : problems.length === 0 ? (
        <p className="empty">No problems</p>
      ) : (
        items && <items.ProblemItems problems={problems} />
      )}
    </section>
  );
}
