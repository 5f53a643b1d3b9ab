import { type ReactNode, useId } from "react";
import type { FlowProblem } from "../../engine/flowProblem";

/** What a field's control needs to be named, described and marked invalid. */
export interface ControlProps {
  id: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
}

interface FieldProps {
  label: string;
  /** One line on what the value means, always shown. */
  help?: ReactNode;
  /** Why the text being typed is refused: it replaces the stored value's problems. */
  refusal?: string | null;
  /** validateFlow's problems with the stored value of this field. */
  problems?: readonly FlowProblem[];
  /** Beside the label, e.g. a note or an action. */
  aside?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its help and, right under it, why its value is refused. */
export function Field({ label, help, refusal, problems = [], aside, children }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const shown = refusal ? [] : problems;
  const invalid = Boolean(refusal) || shown.some((p) => p.severity === "error");
  const hasErrors = Boolean(refusal) || shown.length > 0;
  const describedBy = [hasErrors && errorId, help && helpId].filter(Boolean).join(" ");

  return (
    <div className="inspector-field">
      <div className="inspector-label-row">
        <label htmlFor={id}>{label}</label>
        {aside}
      </div>
      {children({
        id,
        "aria-invalid": invalid || undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hasErrors && (
        <div id={errorId} className="inspector-field-problems">
          {refusal && <p className="inspector-problem error">{refusal}</p>}
          {shown.map((p) => (
            <p key={p.message} className={`inspector-problem ${p.severity}`}>
              {p.message}
            </p>
          ))}
        </div>
      )}
      {help && (
        <p id={helpId} className="inspector-help">
          {help}
        </p>
      )}
    </div>
  );
}
