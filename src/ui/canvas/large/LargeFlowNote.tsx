import "./largeFlow.css";
import { Panel } from "@xyflow/react";
import { JOURNAL_MAX_NODES } from "../../../store/editJournal";
import { useFlowStore } from "../../../store/flowStore";
import { MAX_LAYOUT_NODES } from "../layoutLimit";

const count = (n: number) => n.toLocaleString("en");

/** Says, on the canvas of a large flow, what works differently there and why. */
export default function LargeFlowNote({ drawn }: { drawn: number }) {
  const nodes = useFlowStore((s) => s.flow?.nodes.length ?? 0);
  const limits = [
    nodes > MAX_LAYOUT_NODES && "Auto-layout is off.",
    nodes > JOURNAL_MAX_NODES &&
      "Too large to keep a copy of each edit at once: an edit made in the last 0.4 s before the tab closes may be lost.",
  ].filter(Boolean);
  return (
    <Panel position="top-left" className="large-flow-note">
      <span aria-live="off">
        {count(nodes)} nodes: only those near the view are drawn ({count(drawn)} now).
      </span>
      {limits.length > 0 && <span className="large-flow-limits">{limits.join(" ")}</span>}
    </Panel>
  );
}
