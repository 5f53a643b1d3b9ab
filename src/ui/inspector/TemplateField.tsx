import { useId, useLayoutEffect, useRef } from "react";
import type { FlowProblem } from "../../engine/flowProblem";
import { referenceTo } from "../../engine/template";
import { Field } from "./Field";
import { formatOptional, parseOptionalText } from "./fieldParsers";
import { useDraft } from "./useDraft";

interface TemplateFieldProps {
  label: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  /** Ids offered as {{id}} chips; null for plain text with no references (a system prompt). */
  references: readonly string[] | null;
  problems?: readonly FlowProblem[];
  placeholder?: string;
  help?: string;
}

/** A multi-line text field; with references, chips insert {{id}} where the cursor is. */
export function TemplateField({
  label,
  value,
  onCommit,
  references,
  problems,
  placeholder,
  help,
}: TemplateFieldProps) {
  const draft = useDraft(value, formatOptional, parseOptionalText, onCommit);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Until the box has been focused its caret means nothing: insert at the end, not at 0.
  const focusedOnce = useRef(false);
  const caretAfterInsert = useRef<number | null>(null);
  const referencesLabelId = useId();

  useLayoutEffect(() => {
    const caret = caretAfterInsert.current;
    if (caret === null || !textarea.current) return;
    caretAfterInsert.current = null;
    textarea.current.focus();
    textarea.current.setSelectionRange(caret, caret);
  });

  const insert = (id: string) => {
    const token = referenceTo(id);
    const box = textarea.current;
    const text = draft.text;
    const start = box && focusedOnce.current ? box.selectionStart : text.length;
    const end = box && focusedOnce.current ? box.selectionEnd : text.length;
    caretAfterInsert.current = start + token.length;
    draft.change(text.slice(0, start) + token + text.slice(end));
  };

  return (
    <Field label={label} help={help} refusal={draft.error} problems={problems}>
      {(control) => (
        <>
          <textarea
            {...control}
            ref={textarea}
            className="inspector-textarea"
            rows={3}
            value={draft.text}
            placeholder={placeholder}
            onFocus={() => {
              focusedOnce.current = true;
            }}
            onChange={(e) => draft.change(e.target.value)}
          />
          {references && (
            <div className="inspector-references">
              <span id={referencesLabelId} className="inspector-references-label">
                Available references
              </span>
              <ul aria-labelledby={referencesLabelId}>
                {references.map((id) => (
                  <li key={id}>
                    <button
                      type="button"
                      className="inspector-chip"
                      title={`Insert ${referenceTo(id)} at the cursor`}
                      // Keep the caret where it is: a click would otherwise blur the box first.
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => insert(id)}
                    >
                      {referenceTo(id)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </Field>
  );
}
