import { type KeyboardEvent, type SyntheticEvent, useEffect, useId, useRef, useState } from "react";
import { useStudio, useStudioApi } from "../../store/studioContext";
import { trapTab } from "../flows/focusTrap";
import "../common/confirmDialog.css";
import "./tabs.css";

/**
 * This tab's edits meet a newer version of the flow saved in another tab. Nothing was saved
 * over it; the user picks which version goes on. There is no third way out: until they
 * choose, every save of this flow would meet the same conflict.
 */
export function FlowConflictDialog() {
  const conflict = useStudio((s) => s.flowConflict);
  const studio = useStudioApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The choice that loses nothing first.
    keepRef.current?.focus();
    return () => dialog?.close();
  }, []);

  if (!conflict) return null;

  const choose = async (action: "takeTheirFlow" | "keepMyFlowAsCopy") => {
    setBusy(true);
    setFailure(null);
    try {
      await studio.getState()[action]();
    } catch (error) {
      setFailure(
        `That did not work: ${error instanceof Error ? error.message : String(error)}. Your edits are still on screen; try again.`,
      );
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    event.stopPropagation();
    if (dialogRef.current) trapTab(event, dialogRef.current);
  };
  // Escape (or a phone's back gesture) would leave the conflict in place: a choice is needed.
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => event.preventDefault();

  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={textId}
      className="confirm-dialog flow-conflict"
      onKeyDown={onKeyDown}
      onCancel={onCancel}
    >
      <h2 id={titleId}>“{conflict.name}” was changed in another tab</h2>
      <p id={textId}>
        Another tab saved this flow while you were editing it here. Your changes were not saved over
        theirs. Which version should go on?
      </p>
      <div className="flow-conflict-choices">
        <button
          ref={keepRef}
          type="button"
          disabled={busy}
          onClick={() => void choose("keepMyFlowAsCopy")}
        >
          Keep mine as a copy
          <span>Save my version as a new flow; theirs stays as they saved it.</span>
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void choose("takeTheirFlow")}
        >
          Take theirs
          <span>Discard my changes here and load the other tab's version.</span>
        </button>
      </div>
      {failure && (
        <p className="flow-conflict-failure" role="alert">
          {failure}
        </p>
      )}
    </dialog>
  );
}
