import type { MessageId } from "./ids";
import type { MemoryMessage } from "./messages";

/*
 * Editing memory (docs/memory.md, "Editing memory"): a stored message is never rewritten.
 * Each edit, delete, pin or undo is a new version beside it, holding the message's whole
 * state; reads apply the newest, and a run records the version each call was sent.
 */

/** The state an edit gives a message. */
export interface MessageState {
  content: string;
  pinned: boolean;
  deleted: boolean;
}

/** One version of a message: version 1 is the first edit (0 is the message as appended). */
export interface MessageEdit extends MessageState {
  messageId: MessageId;
  version: number;
  editedAt: number;
}

/** What one write changes; the rest of the state stays as the newest version has it. */
export type EditChange = Partial<MessageState>;

/** A message's state as read: its newest version's, or as appended. */
export const stateOf = (message: MemoryMessage): MessageState => ({
  content: message.content,
  pinned: message.pinned === true,
  deleted: message.deleted === true,
});

/** The message as its edit makes it (no edit: as stored). */
export function withEdit(message: MemoryMessage, edit: MessageEdit | undefined): MemoryMessage {
  if (!edit) return message;
  const { pinned: _p, deleted: _d, edited: _e, ...rest } = message;
  return {
    ...rest,
    content: edit.content,
    version: edit.version,
    // The stored record keeps the text as appended: a pin alone is no edit of it.
    ...(edit.content !== message.content && { edited: true }),
    // Deleting unpins: a deleted message is never sent.
    ...(edit.pinned && !edit.deleted && { pinned: true }),
    ...(edit.deleted && { deleted: true }),
  };
}

/** An edit record as stored, or null when it is not one (a damaged or foreign value). */
export function readEdit(value: unknown): MessageEdit | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  return typeof v.messageId === "string" &&
    typeof v.version === "number" &&
    Number.isInteger(v.version) &&
    v.version >= 1 &&
    typeof v.content === "string" &&
    typeof v.pinned === "boolean" &&
    typeof v.deleted === "boolean" &&
    typeof v.editedAt === "number"
    ? (v as unknown as MessageEdit)
    : null;
}
