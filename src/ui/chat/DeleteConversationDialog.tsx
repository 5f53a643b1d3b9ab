import { type KeyboardEvent, type SyntheticEvent, useEffect, useId, useRef } from "react";
import { trapTab } from "../flows/focusTrap";

interface DeleteConversationDialogProps {
  title: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before deleting a conversation. A native modal <dialog> makes the page behind it inert;
 * it closes itself before telling the parent, so the parent can move focus back out.
 */
export function DeleteConversationDialog({
  title,
  onConfirm,
  onCancel,
}: DeleteConversationDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice first: Enter right away keeps the conversation.
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
    if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (dialogRef.current) {
      trapTab(event, dialogRef.current);
    }
  };
  // Other close requests (a phone's back gesture) arrive as "cancel" events.
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
      className="chat-dialog"
      onKeyDown={onKeyDown}
      onCancel={onNativeCancel}
    >
      <h2 id={titleId}>Delete “{title}”?</h2>
      <p id={textId}>
        All its messages and versions go, with the memory they built. Other conversations keep
        theirs. This cannot be undone.
      </p>
      <div className="chat-dialog-actions">
        <button ref={cancelRef} type="button" className="secondary" onClick={cancel}>
          Cancel
        </button>
        <button type="button" className="chat-danger" onClick={confirm}>
          Delete
        </button>
      </div>
    </dialog>
  );
}
