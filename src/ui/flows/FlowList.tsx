import { useState } from "react";
import type { FlowId } from "../../engine/ids";
import type { FlowSummary } from "../../store/studioStore";
import { FlowRow, type FlowRowActions } from "./FlowRow";
import { flowNameProblem } from "./flowNameProblem";

interface FlowListProps {
  flows: readonly FlowSummary[];
  currentId: FlowId | null;
  locked: boolean;
  labelledBy: string;
  actions: FlowRowActions;
}

/** Every saved flow, newest first; one of them at a time can be renamed in place. */
export function FlowList({ flows, currentId, locked, labelledBy, actions }: FlowListProps) {
  const [renamingId, setRenamingId] = useState<FlowId | null>(null);
  const now = Date.now();

  if (flows.length === 0) return <p className="flow-menu-empty">No saved flows yet.</p>;
  return (
    <ul className="flow-list" aria-labelledby={labelledBy}>
      {flows.map((flow) => (
        <FlowRow
          key={flow.id}
          flow={flow}
          current={flow.id === currentId}
          locked={locked}
          renaming={flow.id === renamingId}
          now={now}
          nameProblem={(draft) => flowNameProblem(draft, flow.id, flows)}
          onRenamingChange={(renaming) => setRenamingId(renaming ? flow.id : null)}
          actions={actions}
        />
      ))}
    </ul>
  );
}
