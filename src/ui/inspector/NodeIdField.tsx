import { useState } from "react";
import type { Flow } from "../../engine/flow";
import { type EditResult, renameNode } from "../../engine/flowEdits";
import type { FlowProblem } from "../../engine/flowProblem";
import type { NodeId } from "../../engine/ids";
import { referenceTo } from "../../engine/template";
import { Field } from "./Field";

interface NodeIdFieldProps {
  id: NodeId;
  flow: Flow;
  onRename: (to: string) => EditResult;
  problems?: readonly FlowProblem[];
}

/**
 * The node's id, renamed (with every reference to it) on Enter or when the box is left:
 * a rename mid-typing would rewrite the other nodes' templates at every keystroke.
 */
export function NodeIdField({ id, flow, onRename, problems }: NodeIdFieldProps) {
  const [draft, setDraft] = useState<string>(id);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [seen, setSeen] = useState(id);
  if (seen !== id) {
    setSeen(id);
    setDraft(id);
    setRefusal(null);
  }

  // The same pure edit the store makes, tried on a copy: its reason, as the user types.
  const tried = draft === id ? null : renameNode(flow, id, draft);
  const live = tried && !tried.ok ? tried.reason : null;

  const commit = () => {
    if (draft === id) return;
    const result = onRename(draft);
    if (!result.ok) setRefusal(result.reason);
  };

  return (
    <Field
      label="Node id"
      help={`Other nodes use it as ${referenceTo(id)}; renaming updates their references.`}
      refusal={refusal ?? live}
      problems={problems}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setRefusal(null);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit();
            } else if (e.key === "Escape") {
              setDraft(id);
              setRefusal(null);
            }
          }}
        />
      )}
    </Field>
  );
}
