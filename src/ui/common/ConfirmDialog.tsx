import {
  type KeyboardEvent,
  type ReactNode,
  type SyntheticEvent,
  useEffect,
  useId,
  useRef,
} from "react";
import { trapTab } from "../flows/focusTrap";
import "./confirmDialog.css";

export interface ConfirmDialogProps {
  title: ReactNode;
  text: ReactNode;
  confirmLabel: string;
  /** The safe choice's label; "Cancel" by default. */
  cancelLabel?: string;
  /** Confirming is refused for now (e.g. a run started meanwhile). */
  locked?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before something that cannot be undone. A native modal <dialog> makes the rest of the
 * page inert and sits above menus; it closes itself before telling the parent, so the parent
 * can move focus back out (focus cannot land behind a modal dialog that is still open).
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { onConfirm, onCancel } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice first: Enter or Space right away keeps things as they are.
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
    // Handled here so a menu around this dialog does not also react to them.
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
      <h2 id={titleId}>{props.title}</h2>
      <p id={textId}>{props.text}</p>
      <div className="confirm-actions">
        <button ref={cancelRef} type="button" className="secondary" onClick={cancel}>
          {props.cancelLabel ?? "Cancel"}
        </button>
        <button type="button" className="confirm-danger" onClick={confirm} disabled={props.locked}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
