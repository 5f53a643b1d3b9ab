import { useEffect, useRef, useState } from "react";
import type { ChatTurn } from "../../store/chatTurns";
import { useStudioApi } from "../../store/studioStore";
import { InlineEditForm } from "../common/InlineEditForm";
import { BranchSwitcher } from "./BranchSwitcher";
import { PencilIcon } from "./icons";

interface UserMessageProps {
  turn: ChatTurn;
  turnIndex: number;
  busy: boolean;
}

/** What the user sent: plain text, never Markdown. Editing it starts a new branch. */
export function UserMessage({ turn, turnIndex, busy }: UserMessageProps) {
  const [editing, setEditing] = useState(false);
  const studio = useStudioApi();
  const [shownRun, setShownRun] = useState(turn.runId);
  const editRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  // A cancelled edit gives focus back to its Edit button, once the button is back.
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editRef.current?.focus();
  }, [editing]);

  // Another version came into this slot (a branch switch): an open edit was for the old one.
  if (shownRun !== turn.runId) {
    setShownRun(turn.runId);
    setEditing(false);
  }

  if (editing) {
    return (
      <InlineEditForm
        initial={turn.input}
        label="Edit message"
        multiline
        keepWhitespace
        hint={{
          text: "Sends from this point as a new version, with memory as it was here. The current version is kept.",
          className: "chat-hint",
        }}
        className="chat-edit"
        actionsClassName="chat-edit-actions"
        cancelFirst
        save={{ text: "Send edit", className: "chat-small" }}
        cancel={{ text: "Cancel", className: "chat-small secondary" }}
        // During a run the edit can be written but not sent yet.
        canSave={(draft) => !busy && draft.trim() !== ""}
        onSave={(text) => {
          setEditing(false);
          void studio.getState().editMessage(turnIndex, text);
        }}
        onCancel={() => {
          refocus.current = true;
          setEditing(false);
        }}
      />
    );
  }

  return (
    <div className="chat-user">
      <p className="chat-user-text">
        <span className="sr-only">You: </span>
        {turn.input}
      </p>
      {turn.status !== "running" && (
        <div className="chat-tools chat-tools-end">
          {turn.branch && <BranchSwitcher turnIndex={turnIndex} branch={turn.branch} busy={busy} />}
          <button
            ref={editRef}
            type="button"
            className="chat-tool"
            aria-label={`Edit message ${turnIndex + 1}`}
            disabled={busy}
            onClick={() => setEditing(true)}
          >
            <PencilIcon />
            Edit
          </button>
        </div>
      )}
    </div>
  );
}
