import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";

/** One of the form's two buttons: its text, and an accessible name when the text is too short. */
export interface InlineEditButton {
  text: string;
  /** "Save name" where a bare "Save" would be ambiguous on the page. */
  label?: string;
  className: string;
}

export interface InlineEditFormProps {
  /** The text as it is now: the draft starts from it. */
  initial: string;
  /** The field's accessible name ("Flow name"). */
  label: string;
  /**
   * A textarea where Enter saves and Shift+Enter starts a new line, with the caret at the end
   * (a message). Otherwise a one-line input whose text is selected (a name, a title).
   */
  multiline?: boolean;
  maxLength?: number;
  /** Shown under the field, and read with it. */
  hint?: { text: ReactNode; className: string };
  /** Why a draft cannot be saved, or null: said when saving, with the draft kept for fixing. */
  problemWith?(draft: string): string | null;
  /** False disables Save outright (an empty title, a run in progress); nothing is said. */
  canSave?(draft: string): boolean;
  /** Saving the text unchanged only closes the form (a rename), instead of saving it again. */
  unchangedCancels?: boolean;
  /** Names and titles are trimmed; a message keeps its text exactly as typed. */
  keepWhitespace?: boolean;
  /**
   * The draft to save. Resolving false keeps the form open with focus back in the field; a
   * caller that closes the form itself returns nothing.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: "returns nothing" is exactly what void says here.
  onSave(value: string): void | boolean | Promise<boolean>;
  onCancel(): void;
  save: InlineEditButton;
  cancel: InlineEditButton;
  /** Cancel before Save (a message editor's order, as in dialogs); Save first otherwise. */
  cancelFirst?: boolean;
  className: string;
  actionsClassName: string;
}

/**
 * Edits a piece of text in place (a flow's name, a conversation's title, a sent message): focus
 * goes into the field, Enter saves, Escape cancels, and a refused draft says why and stays.
 * Giving focus back to whatever opened the form is the caller's part: the form is gone by then.
 */
export function InlineEditForm(props: InlineEditFormProps) {
  const { initial, label, multiline = false, hint, problemWith, canSave, onSave, onCancel } = props;
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const problemId = useId();

  const focusField = () => (inputRef.current ?? textareaRef.current)?.focus();

  useEffect(() => {
    const box = textareaRef.current;
    if (box) {
      box.focus();
      // The caret at the end, where an edit usually starts.
      box.setSelectionRange(box.value.length, box.value.length);
    } else {
      // The whole name selected: typing replaces it, an arrow key keeps it.
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }, []);

  const allowed = canSave?.(draft) ?? true;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!allowed) return;
    const refused = problemWith?.(draft) ?? null;
    if (refused) {
      setProblem(refused);
      focusField();
      return;
    }
    const value = props.keepWhitespace ? draft : draft.trim();
    if (props.unchangedCancels && value === initial) onCancel();
    else if ((await onSave(value)) === false) focusField();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === "Escape") {
      // Escape here cancels the edit only, not a menu or panel around it.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (
      multiline &&
      event.key === "Enter" &&
      !event.shiftKey &&
      !event.nativeEvent.isComposing
    ) {
      // A textarea does not submit on Enter by itself; a one-line input does.
      event.preventDefault();
      void submit();
    }
  };

  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(" ");
  const field = {
    "aria-label": label,
    "aria-invalid": problem !== null,
    "aria-describedby": describedBy || undefined,
    value: draft,
    maxLength: props.maxLength,
    onKeyDown,
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value);
      setProblem(null);
    },
  };

  const saveButton = (
    <button
      type="submit"
      className={props.save.className}
      aria-label={props.save.label}
      disabled={!allowed}
    >
      {props.save.text}
    </button>
  );
  const cancelButton = (
    <button
      type="button"
      className={props.cancel.className}
      aria-label={props.cancel.label}
      onClick={onCancel}
    >
      {props.cancel.text}
    </button>
  );

  return (
    <form className={props.className} onSubmit={(e) => void submit(e)}>
      {multiline ? (
        <textarea
          ref={textareaRef}
          rows={Math.min(8, Math.max(2, draft.split("\n").length))}
          {...field}
        />
      ) : (
        <input ref={inputRef} {...field} />
      )}
      {hint && (
        <p id={hintId} className={hint.className}>
          {hint.text}
        </p>
      )}
      <div className={props.actionsClassName}>
        {props.cancelFirst ? cancelButton : saveButton}
        {props.cancelFirst ? saveButton : cancelButton}
      </div>
      {problem && (
        <p id={problemId} className="help invalid" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
