import { useEffect } from "react";
import { useStudio } from "../../store/studioStore";

/** Long enough to notice and reach the button; the card's own Undo stays until the next message. */
const UNDO_MS = 10_000;

interface ClearUndoNoticeProps {
  memoryId: string;
  /** The notice is over: undone, timed out, or the clear was made by a message sent meanwhile. */
  onDone(): void;
}

/** "Memory chat_llm cleared" with Undo, for a few seconds after a clear is confirmed. */
export function ClearUndoNotice({ memoryId, onDone }: ClearUndoNoticeProps) {
  const pending = useStudio((s) => s.pendingClears.includes(memoryId));
  const undoClear = useStudio((s) => s.undoClearMemory);

  useEffect(() => {
    const timer = setTimeout(onDone, UNDO_MS);
    return () => clearTimeout(timer);
  }, [onDone]);
  // Sent meanwhile (the run recorded the clear) or undone from the card: nothing to undo here.
  useEffect(() => {
    if (!pending) onDone();
  }, [pending, onDone]);

  return (
    <div className="memory-undo" role="status">
      <p>Memory {memoryId} will be empty from your next message.</p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          undoClear(memoryId);
          onDone();
        }}
      >
        Undo<span className="sr-only"> clearing memory {memoryId}</span>
      </button>
    </div>
  );
}
