import type { RunError } from "../../engine/runSnapshot";

interface TurnProblemProps {
  id: string;
  /** The error, or null for a run the user stopped or a reload interrupted. */
  error: RunError | null;
  interrupted?: boolean;
  /** Only the newest turn's error is an alert: older ones would re-announce as they scroll in. */
  latest: boolean;
}

export const STOPPED_TEXT = "Stopped. Memory is as it was before this message.";
export const INTERRUPTED_TEXT =
  "Interrupted: the page was reloaded or closed before the reply finished. Memory is as it was before this message.";

/**
 * What went wrong, in the words the engine chose for a user: they already say what to do
 * (check the key in Settings, retry in 20 s, allow this page in Ollama). The buttons for the
 * next step are in the turn's tools.
 */
export function TurnProblem({ id, error, latest, interrupted = false }: TurnProblemProps) {
  return error ? (
    <p id={id} className="chat-error" role={latest ? "alert" : undefined}>
      {error.message}
    </p>
  ) : (
    <p id={id} className="chat-note">
      {interrupted ? INTERRUPTED_TEXT : STOPPED_TEXT}
    </p>
  );
}
