import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

interface RenameFormProps {
  name: string;
  /** Why a draft cannot be saved, or null. */
  problemWith(draft: string): string | null;
  /** Resolves true once saved; false leaves the form open (the menu shows why). */
  onSave(name: string): Promise<boolean>;
  onCancel(): void;
}

/** Inline rename: Enter saves, Escape cancels, a refused name says why and keeps the draft. */
export function RenameForm({ name, problemWith, onSave, onCancel }: RenameFormProps) {
  const [draft, setDraft] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const problemId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refused = problemWith(draft);
    if (refused) {
      setProblem(refused);
      inputRef.current?.focus();
      return;
    }
    if (draft.trim() === name) onCancel();
    else if (!(await onSave(draft.trim()))) inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Escape") return;
    // Escape here cancels the rename only, not the whole menu around it.
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  return (
    <form className="flow-rename" onSubmit={submit}>
      <input
        ref={inputRef}
        aria-label="Flow name"
        value={draft}
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="flow-rename-actions">
        <button type="submit" className="flow-action" aria-label="Save name">
          Save
        </button>
        <button type="button" className="flow-action" aria-label="Cancel rename" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {problem && (
        <p id={problemId} className="help invalid" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
