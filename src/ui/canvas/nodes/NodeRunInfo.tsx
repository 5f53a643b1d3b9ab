import "./nodeRun.css";
import { useState } from "react";
import type { NodeRunView } from "../nodeRunView";

const LABELS: Record<NodeRunView["status"], string> = {
  waiting: "Waiting",
  running: "Running…",
  done: "Done",
  failed: "Failed",
  skipped: "Skipped",
};

/** Shown when expanded: a hostile reply of megabytes must not become one node's DOM. */
const SHOWN_CHARS = 2000;

/**
 * A node's run state and its last output: one line, expandable to the text. `nodrag` and
 * `nowheel` let the text be opened, selected and scrolled without moving the canvas.
 */
export default function NodeRunInfo({ view }: { view: NodeRunView }) {
  const text = view.status === "failed" ? (view.error ?? "") : (view.output ?? "");
  const more = text.length - SHOWN_CHARS;
  const [open, setOpen] = useState(false);
  return (
    <div className={`flow-node-run is-${view.status}`}>
      <span className="flow-node-run-status">{LABELS[view.status]}</span>
      {text !== "" && (
        <details
          className="flow-node-run-output nodrag nowheel"
          onToggle={(event) => setOpen(event.currentTarget.open)}
        >
          <summary aria-label={open ? "Hide the output" : `Output: ${text.slice(0, 120)}`}>
            {open ? "Hide" : text.slice(0, 120)}
          </summary>
          <div className="flow-node-run-text">
            {text.slice(0, SHOWN_CHARS)}
            {more > 0 && (
              <em>
                {" "}
                … {more.toLocaleString("en")} more characters: the whole output is in the Runs tab.
              </em>
            )}
          </div>
        </details>
      )}
    </div>
  );
}
