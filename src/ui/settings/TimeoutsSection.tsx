import { useId, useState } from "react";
import { type CallTimeouts, DEFAULT_CALL_TIMEOUTS } from "../../engine/provider";
import { TIMEOUT_RANGE_MS } from "../../store/callSettingsSlice";
import { useStudio } from "../../store/studioStore";

const MIN_S = TIMEOUT_RANGE_MS.min / 1000;
const MAX_S = TIMEOUT_RANGE_MS.max / 1000;

/** Why typed text is not a timeout, or null when it is one (whole seconds, in range). */
function timeoutProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `Enter a whole number of seconds, from ${MIN_S} to ${MAX_S}.`;
  const seconds = Number(trimmed);
  if (seconds < MIN_S || seconds > MAX_S) return `Choose from ${MIN_S} to ${MAX_S} seconds.`;
  return null;
}

/** How long a call waits for the reply to start, and for its next part, before giving up. */
export function TimeoutsSection() {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Timeouts</h3>
      <TimeoutField
        field="firstByteMs"
        label="Wait for a reply to start (seconds)"
        help="A server that sends nothing for this long fails the message, with Retry. Slow local or reasoning models may need more."
      />
      <TimeoutField
        field="idleMs"
        label="Wait between parts of a reply (seconds)"
        help="A reply that stops arriving for this long fails the message, with Retry."
      />
    </section>
  );
}

function TimeoutField(props: { field: keyof CallTimeouts; label: string; help: string }) {
  const id = useId();
  const stored = useStudio((s) => s.callTimeouts[props.field]);
  const setCallTimeouts = useStudio((s) => s.setCallTimeouts);
  // What is typed stays here until it is a timeout; the saved value is unchanged meanwhile.
  const [text, setText] = useState(String(stored / 1000));
  const [saveError, setSaveError] = useState<string | null>(null);
  const refused = timeoutProblem(text);
  // Said with the value still in force, so a half-typed number is not mistaken for saved.
  const problem = refused ? `${refused} Until then: ${stored / 1000} s.` : saveError;

  const change = (value: string) => {
    setText(value);
    setSaveError(null);
    if (timeoutProblem(value)) return;
    setCallTimeouts({ [props.field]: Number(value.trim()) * 1000 }).catch(() =>
      setSaveError(
        "Could not save this in the browser's storage: it works until the page is reloaded.",
      ),
    );
  };

  return (
    <div className="settings-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${problem ? `${id}-problem ` : ""}${id}-help`}
        value={text}
        onChange={(e) => change(e.target.value)}
      />
      {problem && (
        <p id={`${id}-problem`} className="settings-problem">
          {problem}
        </p>
      )}
      <p id={`${id}-help`} className="help">
        {props.help} Default: {DEFAULT_CALL_TIMEOUTS[props.field] / 1000} s.
      </p>
    </div>
  );
}
