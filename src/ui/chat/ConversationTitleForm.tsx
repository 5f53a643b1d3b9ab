import { InlineEditForm } from "../common/InlineEditForm";

/**
 * The conversation bar's rename form: loaded when a rename starts (ConversationBar.tsx), with
 * its labels, so none of it is on the first page.
 */
export function ConversationTitleForm({
  title,
  onSave,
  onCancel,
}: {
  title: string;
  onSave(title: string): void;
  onCancel(): void;
}) {
  return (
    <InlineEditForm
      initial={title}
      label="Conversation title"
      maxLength={200}
      className="chat-title-form"
      actionsClassName="chat-title-actions"
      save={{ text: "Save", label: "Save title", className: "chat-small" }}
      cancel={{ text: "Cancel", label: "Cancel rename", className: "chat-small secondary" }}
      canSave={(draft) => draft.trim() !== ""}
      unchangedCancels
      onSave={onSave}
      onCancel={onCancel}
    />
  );
}
