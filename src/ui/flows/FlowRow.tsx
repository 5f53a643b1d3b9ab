import { useEffect, useRef, useState } from "react";
import type { FlowId } from "../../engine/ids";
import type { FlowSummary } from "../../store/studioStore";
import { InlineEditForm } from "../common/InlineEditForm";
import { ConfirmDeleteDialog } from "./ConfirmDeleteDialog";
import { savedAgo } from "./savedAgo";

/** What a row can ask of the menu; the menu reports failures and moves focus where it belongs. */
export interface FlowRowActions {
  open(id: FlowId): void;
  rename(id: FlowId, name: string): Promise<boolean>;
  duplicate(id: FlowId): void;
  delete(id: FlowId): void;
}

interface FlowRowProps {
  flow: FlowSummary;
  current: boolean;
  /** A run is in progress: only renaming stays possible. */
  locked: boolean;
  renaming: boolean;
  now: number;
  nameProblem(draft: string): string | null;
  onRenamingChange(renaming: boolean): void;
  actions: FlowRowActions;
}

export function FlowRow(props: FlowRowProps) {
  const { flow, current, locked, renaming, now, nameProblem, onRenamingChange, actions } = props;
  const [confirming, setConfirming] = useState(false);
  const renameRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  // Set when this row's own form closes, so focus returns to Rename; not when another row's
  // rename takes over (focus is already in that row's input then).
  const refocusRename = useRef(false);

  useEffect(() => {
    if (!renaming && refocusRename.current) {
      refocusRename.current = false;
      renameRef.current?.focus();
    }
  }, [renaming]);

  const endRename = () => {
    refocusRename.current = true;
    onRenamingChange(false);
  };

  return (
    <li className="flow-row" aria-current={current ? "true" : undefined}>
      {renaming ? (
        <InlineEditForm
          initial={flow.name}
          label="Flow name"
          className="flow-rename"
          actionsClassName="flow-rename-actions"
          save={{ text: "Save", label: "Save name", className: "flow-action" }}
          cancel={{ text: "Cancel", label: "Cancel rename", className: "flow-action" }}
          problemWith={nameProblem}
          unchangedCancels
          onCancel={endRename}
          // A refused rename leaves the form open; the menu says why.
          onSave={async (name) => {
            const saved = await actions.rename(flow.id, name);
            if (saved) endRename();
            return saved;
          }}
        />
      ) : (
        <div className="flow-row-title">
          <span className="flow-row-name">{flow.name}</span>
          {current && <span className="flow-row-current">Current</span>}
        </div>
      )}
      <p className="flow-row-meta">{savedAgo(flow.updatedAt, now)}</p>
      <div className="flow-row-actions">
        <button
          type="button"
          className="flow-action"
          aria-label={`Open ${flow.name}`}
          disabled={current || locked}
          onClick={() => actions.open(flow.id)}
        >
          Open
        </button>
        <button
          ref={renameRef}
          type="button"
          className="flow-action"
          aria-label={`Rename ${flow.name}`}
          aria-expanded={renaming}
          onClick={() => onRenamingChange(true)}
        >
          Rename
        </button>
        <button
          type="button"
          className="flow-action"
          aria-label={`Duplicate ${flow.name}`}
          disabled={locked}
          onClick={() => actions.duplicate(flow.id)}
        >
          Duplicate
        </button>
        <button
          ref={deleteRef}
          type="button"
          className="flow-action flow-action-danger"
          aria-label={`Delete ${flow.name}`}
          aria-haspopup="dialog"
          disabled={locked}
          onClick={() => setConfirming(true)}
        >
          Delete
        </button>
      </div>
      {confirming && (
        <ConfirmDeleteDialog
          name={flow.name}
          locked={locked}
          onCancel={() => {
            setConfirming(false);
            deleteRef.current?.focus();
          }}
          onConfirm={() => {
            setConfirming(false);
            actions.delete(flow.id);
          }}
        />
      )}
    </li>
  );
}
