import { useEffect, useState } from "react";
import { useStudio } from "../../store/studioStore";
import { errorText } from "../../store/useStoreQuery";

/** As long as the clear's notice: long enough to notice and reach the button. */
const TOAST_MS = 10_000;

/**
 * Undo for memory edits: a toast after each edit, delete or pin ("Message deleted. Undo"), and
 * the panel's own Undo, which stays while this page has writes to take back. Undo is a new
 * version too: nothing is erased, so earlier runs still show what they received.
 */
export function MemoryEditUndo({ part }: { part: "line" | "toast" }) {
  const undo = useStudio((s) => s.memoryUndo);
  const undoEdit = useStudio((s) => s.undoMemoryEdit);
  const last = undo.at(-1);
  const [toastFor, setToastFor] = useState<number>(0);
  const [error, setError] = useState<string | null>(null);
  // A new write shows the toast again.
  useEffect(() => {
    if (undo.length === 0) return setToastFor(0);
    setToastFor(undo.length);
    const timer = setTimeout(() => setToastFor(0), TOAST_MS);
    return () => clearTimeout(timer);
  }, [undo.length]);
  if (!last) return part === "line" && error ? <p className="memory-error">{error}</p> : null;
  const run = () => {
    setError(null);
    undoEdit().catch((cause: unknown) =>
      setError(`Could not undo (nothing was changed): ${errorText(cause)}`),
    );
  };
  const what = `${last.label.toLowerCase()} message`;
  // The toast sits at the bottom of the panel, after the memories, like the clear's notice.
  if (part === "toast")
    return (
      <>
        {error && <p className="memory-error">{error}</p>}
        {toastFor > 0 && (
          <div className="memory-undo" role="status">
            <p>{last.label} a message. Earlier runs keep what they received.</p>
            <button type="button" className="secondary" onClick={run}>
              Undo<span className="sr-only"> ({last.label.toLowerCase()})</span>
            </button>
          </div>
        )}
      </>
    );
  return (
    <>
      <p className="memory-edit-undo">
        <button type="button" className="secondary" onClick={run}>
          Undo<span className="sr-only"> the {what}</span>
        </button>
        <span className="memory-help"> Last change: {what}.</span>
      </p>
      {error && <p className="memory-error">{error}</p>}
    </>
  );
}
