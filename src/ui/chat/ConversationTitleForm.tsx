import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";

interface ConversationTitleFormProps {
  title: string;
  onSave(title: string): void;
  onCancel(): void;
}

/** Inline rename: Enter saves, Escape cancels; an empty title cannot be saved. */
export function ConversationTitleForm({ title, onSave, onCancel }: ConversationTitleFormProps) {
  const [draft, setDraft] = useState(title);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const empty = draft.trim() === "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (empty) return;
    if (draft.trim() === title) onCancel();
    else onSave(draft.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onCancel();
  };

  return (
    <form className="chat-title-form" onSubmit={submit}>
      <input
        ref={inputRef}
        aria-label="Conversation title"
        value={draft}
        maxLength={200}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="chat-small" disabled={empty} aria-label="Save title">
        Save
      </button>
      <button
        type="button"
        className="chat-small secondary"
        aria-label="Cancel rename"
        onClick={onCancel}
      >
        Cancel
      </button>
    </form>
  );
}
