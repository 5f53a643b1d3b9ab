import { useEffect, useRef, useState } from "react";
import type { ConversationId } from "../../engine/ids";
import { useStudio, useStudioApi } from "../../store/studioStore";
import { useLazyModule } from "../common/useLazyModule";
import { conversationLabels } from "./conversationLabels";
import { PencilIcon, PlusIcon, TrashIcon } from "./icons";

/** The rename form: fetched when a rename starts, not with the first page. */
const loadTitleForm = () => import("./ConversationTitleForm");
/** The delete confirmation: fetched when a delete is asked for. */
const loadDeleteDialog = () => import("./DeleteConversationDialog");

type Mode = "list" | "rename" | "delete";

/**
 * The open flow's conversations: switch, start, rename, delete. A native select keeps it
 * compact in a 400 px panel and gives keyboard and screen-reader users a control they know.
 */
export function ConversationBar() {
  const conversations = useStudio((s) => s.conversations);
  const conversationId = useStudio((s) => s.conversationId);
  const busy = useStudio((s) => s.running !== null);
  const studio = useStudioApi();
  const [mode, setMode] = useState<Mode>("list");
  const renameRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  // Which button gets focus back; named, not held, since it is not mounted while renaming.
  const focusAfter = useRef<"rename" | "delete" | "new" | null>(null);

  // Newest first, whatever order the store keeps.
  const sorted = [...conversations].sort((a, b) => b.updatedAt - a.updatedAt);
  // Null until the first message of a new conversation is saved.
  const current = sorted.find((c) => c.id === conversationId) ?? null;
  const labels = conversationLabels(sorted);
  // An id without a record was just created by its first message and is not listed yet.
  const unlisted = conversationId ? "New conversation" : "New conversation (not started)";
  // The conversation went away (deleted, another flow opened): so does its form or dialog.
  if (mode !== "list" && !current) setMode("list");

  // Focus goes back where the user was once the form or dialog is gone.
  useEffect(() => {
    if (mode !== "list" || !focusAfter.current) return;
    const target = { rename: renameRef, delete: deleteRef, new: newRef }[focusAfter.current];
    focusAfter.current = null;
    target.current?.focus();
  }, [mode]);

  const back = (focus: "rename" | "delete" | "new") => {
    focusAfter.current = focus;
    setMode("list");
  };

  const open = (id: string) => {
    if (id !== "") void studio.getState().openConversation(id as ConversationId);
  };

  const titleForm = useLazyModule(loadTitleForm, mode === "rename");
  const deleteDialog = useLazyModule(loadDeleteDialog, mode === "delete");

  return (
    <div className="chat-conversations">
      {mode === "rename" && current ? (
        titleForm && (
          <titleForm.ConversationTitleForm
            title={current.title}
            onSave={(title) => {
              void studio.getState().renameConversation(current.id, title);
              back("rename");
            }}
            onCancel={() => back("rename")}
          />
        )
      ) : (
        <>
          <select
            aria-label="Conversations"
            className="chat-conversation-select"
            value={current?.id ?? ""}
            disabled={busy}
            title={busy ? "Wait for the reply to finish" : undefined}
            onChange={(e) => open(e.target.value)}
          >
            {!current && <option value="">{unlisted}</option>}
            {sorted.map((c, i) => (
              <option key={c.id} value={c.id}>
                {labels[i]}
              </option>
            ))}
          </select>
          <button
            ref={renameRef}
            type="button"
            className="chat-icon-button"
            aria-label="Rename conversation"
            title="Rename conversation"
            disabled={!current}
            onClick={() => setMode("rename")}
          >
            <PencilIcon />
          </button>
          <button
            ref={deleteRef}
            type="button"
            className="chat-icon-button"
            aria-label="Delete conversation"
            title="Delete conversation"
            disabled={!current || busy}
            onClick={() => setMode("delete")}
          >
            <TrashIcon />
          </button>
          <button
            ref={newRef}
            type="button"
            className="chat-new secondary"
            aria-label="New conversation"
            title="New conversation: every memory starts empty"
            disabled={busy}
            onClick={() => studio.getState().newConversation()}
          >
            <PlusIcon />
            New
          </button>
        </>
      )}
      {mode === "delete" && current && deleteDialog && (
        <deleteDialog.DeleteConversationDialog
          title={current.title}
          onConfirm={() => {
            void studio.getState().deleteConversation(current.id);
            back("new");
          }}
          onCancel={() => back("delete")}
        />
      )}
    </div>
  );
}
