import { useId, useState } from "react";
import type { EditChange } from "../../engine/messageEdits";
import type { MemoryMessage } from "../../engine/messages";
import { useStudio } from "../../store/studioStore";
import { errorText } from "../../store/useStoreQuery";

interface MessageActionsProps {
  message: MemoryMessage;
  editing: boolean;
  onEditing(editing: boolean): void;
}

/**
 * Edit, delete (or restore) and pin one stored message. Each is one write, a new version of
 * the message: earlier runs keep what they received, and the panel's Undo takes it back.
 */
export function MessageActions({ message, editing, onEditing }: MessageActionsProps) {
  const edit = useStudio((s) => s.editMemoryMessage);
  const running = useStudio((s) => s.running !== null);
  const [draft, setDraft] = useState(message.content);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const what = `${message.role} message by ${message.nodeId}`;
  const write = async (change: EditChange) => {
    setBusy(true);
    setError(null);
    try {
      await edit(message.id, change);
      onEditing(false);
    } catch (cause) {
      setError(`Could not change this message (nothing was changed): ${errorText(cause)}`);
    } finally {
      setBusy(false);
    }
  };
  // While a reply is coming its run reads memory: a change then would land mid-run.
  const disabled = busy || running;
  if (editing) {
    return (
      <form
        className="memory-message-edit"
        onSubmit={(event) => {
          event.preventDefault();
          void write({ content: draft });
        }}
      >
        <label htmlFor={fieldId} className="sr-only">
          Text of the {what}
        </label>
        <textarea
          id={fieldId}
          value={draft}
          rows={3}
          onChange={(event) => setDraft(event.target.value)}
        />
        <span className="memory-message-buttons">
          <button type="submit" disabled={disabled || draft === message.content}>
            Save<span className="sr-only"> the {what}</span>
          </button>
          <button type="button" className="secondary" onClick={() => onEditing(false)}>
            Cancel
          </button>
        </span>
        {error && <span className="memory-error">{error}</span>}
      </form>
    );
  }
  return (
    <span className="memory-message-buttons">
      {!message.deleted && (
        <>
          <button
            type="button"
            className="secondary"
            disabled={disabled}
            onClick={() => {
              setDraft(message.content);
              onEditing(true);
            }}
          >
            Edit<span className="sr-only"> {what}</span>
          </button>
          <button
            type="button"
            className="secondary"
            disabled={disabled}
            aria-pressed={message.pinned === true}
            onClick={() => void write({ pinned: !message.pinned })}
          >
            {message.pinned ? "Unpin" : "Pin"}
            <span className="sr-only"> {what}</span>
          </button>
        </>
      )}
      <button
        type="button"
        className="secondary"
        disabled={disabled}
        onClick={() => void write(message.deleted ? { deleted: false } : { deleted: true })}
      >
        {message.deleted ? "Restore" : "Delete"}
        <span className="sr-only"> {what}</span>
      </button>
      {error && <span className="memory-error">{error}</span>}
    </span>
  );
}
