import { ConfirmDialog } from "../common/ConfirmDialog";

interface ConfirmDeleteDialogProps {
  name: string;
  /** A run started meanwhile: deleting is refused until it ends. */
  locked: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before deleting a flow, which takes its conversations and memories with it. */
export function ConfirmDeleteDialog({
  name,
  locked,
  onConfirm,
  onCancel,
}: ConfirmDeleteDialogProps) {
  return (
    <ConfirmDialog
      title={`Delete ${name}?`}
      text="Its conversations and their memories are deleted with it. This cannot be undone."
      confirmLabel="Delete"
      locked={locked}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
