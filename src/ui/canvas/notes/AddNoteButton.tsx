import { useId } from "react";
import type { Position } from "../../../engine/flow";
import { addNoteAt } from "../addNote";

interface AddNoteButtonProps {
  /** The middle of what the canvas shows, in flow coordinates. */
  centre(): Position;
  /** Said to screen readers: what was added. */
  onAdded(status: string): void;
}

/** The palette's "Add note": a sticky note in the middle of the view, open for typing. */
export default function AddNoteButton({ centre, onAdded }: AddNoteButtonProps) {
  const hintId = useId();
  return (
    <button
      type="button"
      className="palette-item palette-note"
      aria-describedby={hintId}
      title="Press to add a sticky note in the middle of the view"
      onClick={() => {
        const id = addNoteAt(centre());
        onAdded(id ? `Added note ${id}.` : "");
      }}
    >
      <span className="palette-dot" aria-hidden="true" />
      <span className="palette-label">
        <span className="sr-only">Add </span>Note
      </span>
      <span className="palette-hint" id={hintId} aria-hidden="true">
        Markdown text, never run
      </span>
    </button>
  );
}
