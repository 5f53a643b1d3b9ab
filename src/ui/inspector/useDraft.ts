import { useState } from "react";
import type { Parsed } from "./fieldParsers";

export interface Draft {
  /** What the box shows: the user's text, valid or not. */
  text: string;
  /** Why the text is refused, or null when it is valid or is what the store holds. */
  error: string | null;
  change(text: string): void;
  /** Back to the stored value (Escape). */
  reset(): void;
}

/**
 * A field's local text over a stored value: every valid change is committed at once, an
 * invalid one stays on screen with its reason and never reaches the store.
 */
export function useDraft<T>(
  value: T,
  format: (value: T) => string,
  parse: (text: string) => Parsed<T>,
  commit: (value: T) => void,
): Draft {
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    // The store changed: follow it, unless it changed to what the user's text already says
    // (their own commit: rewriting "0." as "0" would stop them typing "0.5").
    setSeen(value);
    const parsed = parse(text);
    if (!("value" in parsed) || !Object.is(parsed.value, value)) setText(format(value));
  }

  const parsed = parse(text);
  const error = "error" in parsed && text !== format(value) ? parsed.error : null;
  return {
    text,
    error,
    change(next) {
      setText(next);
      const result = parse(next);
      // Equal values are not committed: each commit is an undo step.
      if ("value" in result && !Object.is(result.value, value)) commit(result.value);
    },
    reset: () => setText(format(value)),
  };
}
