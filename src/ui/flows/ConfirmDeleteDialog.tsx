import { type KeyboardEvent, type SyntheticEvent, useEffect, useId, useRef } from "react";
import { trapTab } from "./focusTrap";

interface ConfirmDeleteDialogProps {
  name: string;
  /** A run started meanwhile: deleting is refused until it ends. */
  locked: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before deleting a flow. A native modal <dialog> makes the rest of the page inert and sits
 * above the menu; it closes itself before telling the parent, so the parent can move focus back
 * out (focus cannot land behind a modal dialog that is still open).
 */
export function ConfirmDeleteDialog({
  name,
  locked,
  onConfirm,
  onCancel,
}: ConfirmDeleteDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice first: Enter or Space right away keeps the flow.
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);

  const cancel = () => {
    dialogRef.current?.close();
    onCancel();
  };
  const confirm = () => {
    dialogRef.current?.close();
    onConfirm();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Handled here so the flow menu around this dialog does not also react to them.
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (dialogRef.current) {
      trapTab(event, dialogRef.current);
    }
  };
  // Other close requests (e.g. a phone's back gesture) arrive as "cancel" events.
  const onNativeCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    cancel();
  };

  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={textId}
      className="confirm-dialog"
      onKeyDown={onKeyDown}
      onCancel={onNativeCancel}
    >
      <h2 id={titleId}>Delete {name}?</h2>
      <p id={textId}>
        Its conversations and their memories are deleted with it. This cannot be undone.
      </p>
      <div className="confirm-actions">
        <button ref={cancelRef} type="button" className="secondary" onClick={cancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={locked}>
          Delete
        </button>
      </div>
    </dialog>
  );
}
