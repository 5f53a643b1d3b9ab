import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

interface MessageEditFormProps {
  initial: string;
  /** A run is in progress: the edit can be written but not sent yet. */
  busy: boolean;
  onSend(text: string): void;
  onCancel(): void;
}

/** A sent message, open for editing. Enter sends (as in the message box), Escape cancels. */
export function MessageEditForm({ initial, busy, onSend, onCancel }: MessageEditFormProps) {
  const [draft, setDraft] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.focus();
    // The caret at the end, where an edit usually starts.
    box.setSelectionRange(box.value.length, box.value.length);
  }, []);

  const blocked = busy || draft.trim() === "";
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!blocked) onSend(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="chat-edit" onSubmit={submit}>
      <textarea
        ref={ref}
        aria-label="Edit message"
        aria-describedby={hintId}
        value={draft}
        rows={Math.min(8, Math.max(2, draft.split("\n").length))}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="chat-hint">
        Sends from this point as a new version, with memory as it was here. The current version is
        kept.
      </p>
      <div className="chat-edit-actions">
        <button type="button" className="chat-small secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="chat-small" disabled={blocked}>
          Send edit
        </button>
      </div>
    </form>
  );
}
