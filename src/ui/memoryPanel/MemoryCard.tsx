import { type CSSProperties, useEffect, useId, useRef, useState } from "react";
import type { MessageId, NodeId, RunId } from "../../engine/ids";
import type { MemoryUser } from "../../engine/memoryUsage";
import { useFlowStore } from "../../store/flowStore";
import { useStudio } from "../../store/studioStore";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { downloadJson } from "../common/download";
import { windowLabel } from "../memory/memoryLabels";
import { MemoryMessages } from "./MemoryMessages";
import { MemorySummaryNote } from "./MemorySummaryNote";
import { exportFileName, memoryExport } from "./memoryExport";
import { useMemoryLog } from "./useMemoryLog";

interface MemoryCardProps {
  memoryId: string;
  color: string | undefined;
  /** The flow's nodes using it; empty when only the conversation still holds it. */
  users: readonly MemoryUser[];
  /** Its newest message in the open conversation; null when empty, undefined while read. */
  head: MessageId | null | undefined;
  /** Flow-scoped: one log for every conversation, cleared at once after a confirmation. */
  shared?: boolean;
  /** The run on screen that cleared it, if the clear is why it is empty. */
  clearedIn: number | null;
  numbers: ReadonlyMap<RunId, number>;
  /** After the user confirmed a clear: the panel offers to undo it for a while. */
  onCleared(memoryId: string): void;
}

/** One memory of the open conversation: who uses it, how long it is, every message in it. */
export function MemoryCard({
  memoryId,
  color,
  users,
  head,
  shared = false,
  clearedIn,
  numbers,
  onCleared,
}: MemoryCardProps) {
  const headingId = useId();
  const pendingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [clearError, setClearError] = useState<string | null>(null);
  const clearFlowMemory = useStudio((s) => s.clearFlowMemory);
  const log = useMemoryLog(head ?? null);
  const pending = useStudio((s) => s.pendingClears.includes(memoryId));
  const clearMemory = useStudio((s) => s.clearMemory);
  const undoClear = useStudio((s) => s.undoClearMemory);
  const conversationId = useStudio((s) => s.conversationId);
  const conversationTitle = useStudio(
    (s) => s.conversations.find((c) => c.id === s.conversationId)?.title,
  );
  // The Clear button is disabled once confirmed: focus goes to the Undo that replaces it.
  const undoRef = useRef<HTMLButtonElement>(null);
  const justConfirmed = useRef(false);
  useEffect(() => {
    if (pending && justConfirmed.current) undoRef.current?.focus();
    justConfirmed.current = false;
  }, [pending]);
  const messages = head === undefined ? null : log.status === "ready" ? log.messages : null;
  // The newest message's position says how long the log is (MemoryMessage.index).
  const size = messages ? (messages.at(-1)?.index ?? -1) + 1 : null;
  const exportIt = () =>
    messages &&
    downloadJson(exportFileName(memoryId), memoryExport(memoryId, conversationId, messages));
  return (
    <section
      className="memory-card"
      aria-labelledby={headingId}
      style={{ "--memory-color": color ?? "var(--muted)" } as CSSProperties}
    >
      <header className="memory-card-header">
        <h3 id={headingId} className="memory-card-title">
          <span className="memory-swatch" aria-hidden="true" />
          <span className="sr-only">Memory </span>
          {memoryId}
        </h3>
        <span className="memory-card-size">
          {size === null ? "…" : `${size} message${size === 1 ? "" : "s"}`}
        </span>
      </header>
      {shared && (
        <p className="memory-card-scope">
          Shared by every conversation of this flow: a new conversation keeps it, and editing an
          earlier message does not rewind it.
        </p>
      )}
      <Users users={users} />
      {pending && (
        <p id={pendingId} className="memory-card-pending" role="status">
          Will be empty from your next message. Earlier runs keep what they received.
          <button
            ref={undoRef}
            type="button"
            className="secondary"
            onClick={() => undoClear(memoryId)}
          >
            Undo clear<span className="sr-only"> of memory {memoryId}</span>
          </button>
        </p>
      )}
      {!pending && clearedIn !== null && size === 0 && (
        <p className="memory-card-note">Cleared at run {clearedIn}.</p>
      )}
      <div className="memory-card-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setConfirming(true)}
          disabled={pending || size === 0}
          aria-describedby={pending ? pendingId : undefined}
          title={size === 0 ? "This memory is already empty." : undefined}
        >
          Clear<span className="sr-only"> memory {memoryId}</span>
        </button>
        <button type="button" className="secondary" onClick={exportIt} disabled={!messages}>
          Export<span className="sr-only"> {memoryId} as JSON</span>
        </button>
      </div>
      {confirming && shared && (
        <ConfirmDialog
          title={`Clear the shared memory “${memoryId}”?`}
          text="Every conversation of this flow starts it empty from now on. Nothing is deleted: earlier runs keep what they received."
          confirmLabel="Clear memory"
          onConfirm={() => {
            setConfirming(false);
            clearFlowMemory(memoryId).catch((error: unknown) =>
              setClearError(`Could not clear ${memoryId}: ${String(error)}`),
            );
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
      {confirming && !shared && size !== null && (
        <ConfirmDialog
          title={`Clear memory ${memoryId}?`}
          text={`Its ${size} message${size === 1 ? "" : "s"} in the conversation ${conversationTitle ? `“${conversationTitle}”` : "on screen"} will not be seen from your next message on. Nothing is deleted: earlier runs keep what they received, and you can undo this until you send.`}
          confirmLabel="Clear memory"
          onConfirm={() => {
            setConfirming(false);
            justConfirmed.current = true;
            clearMemory(memoryId);
            onCleared(memoryId);
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
      {clearError && <p className="memory-error">{clearError}</p>}
      {(log.status === "loading" || head === undefined) && (
        <p className="memory-help">Reading memory…</p>
      )}
      {log.status === "failed" && <p className="memory-error">{log.message}</p>}
      {messages && messages.length === 0 && (
        <p className="memory-help">
          {shared ? "Empty in every conversation." : "Empty in this conversation."}
        </p>
      )}
      {messages && messages.length > 0 && (
        <>
          <MemorySummaryNote memoryId={memoryId} messages={messages} numbers={numbers} />
          <MemoryMessages memoryId={memoryId} messages={messages} numbers={numbers} />
        </>
      )}
    </section>
  );
}

/** Which nodes read and which write the memory; a click selects the node on the canvas. */
function Users({ users }: { users: readonly MemoryUser[] }) {
  if (users.length === 0) {
    return <p className="memory-help">No node of this flow uses it any more.</p>;
  }
  const readers = users.filter((u) => u.mode !== "write-only");
  const writers = users.filter((u) => u.mode !== "read-only");
  const select = (id: NodeId) => useFlowStore.getState().select([id]);
  const node = (u: MemoryUser, withWindow: boolean) => (
    <li key={u.nodeId}>
      <button
        type="button"
        className="memory-node"
        title={`Select ${u.nodeId} on the canvas`}
        onClick={() => select(u.nodeId)}
      >
        {u.nodeId}
      </button>
      {withWindow && <span className="memory-help"> ({windowLabel(u.windowSize)})</span>}
    </li>
  );
  return (
    <dl className="memory-users">
      <div>
        <dt>Read by</dt>
        <dd>{readers.length === 0 ? "no node" : <ul>{readers.map((u) => node(u, true))}</ul>}</dd>
      </div>
      <div>
        <dt>Written by</dt>
        <dd>{writers.length === 0 ? "no node" : <ul>{writers.map((u) => node(u, false))}</ul>}</dd>
      </div>
    </dl>
  );
}
