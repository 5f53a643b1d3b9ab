import { ConfirmDialog } from "../common/ConfirmDialog";

interface DeleteConversationDialogProps {
  title: string;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before deleting a conversation with every version of it and the memory it built. */
export function DeleteConversationDialog({
  title,
  onConfirm,
  onCancel,
}: DeleteConversationDialogProps) {
  return (
    <ConfirmDialog
      title={`Delete “${title}”?`}
      text="All its messages and versions go, with the memory they built. Other conversations keep theirs. This cannot be undone."
      confirmLabel="Delete"
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
