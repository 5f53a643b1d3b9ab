import { useId, useState } from "react";
import type { SpaceUser } from "../../store/studioStore";
import { useStudio, useStudioApi } from "../../store/studioStore";
import { errorText, useStoreQuery } from "../../store/useStoreQuery";
import { formatMegabytes } from "../settings/storageFormat";

/** "340 KB" below a megabyte (a conversation is often that small), else "1.2 MB". */
const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : formatMegabytes(bytes);

/**
 * The conversations taking the most room, largest first, each deletable (with its runs and
 * memory, the same cascade as the chat's Delete). The quota is looked at after each delete:
 * enough room freed ends the read-only mode.
 */
export function FreeSpacePanel({ onClose }: { onClose(): void }) {
  const studio = useStudioApi();
  const running = useStudio((s) => s.running !== null);
  const [version, setVersion] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  const users = useStoreQuery(() => studio.getState().spaceUsers(), [version]);

  const remove = async (user: SpaceUser) => {
    setProblem(null);
    try {
      await studio.getState().freeSpace(user.conversationId);
    } catch (error) {
      setProblem(`Could not delete "${user.title}": ${(error as Error).message}`);
    }
    setVersion((v) => v + 1);
  };

  return (
    <section className="free-space" aria-labelledby={headingId}>
      <div className="free-space-head">
        <h2 id={headingId}>Free space: conversations, largest first</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="free-space-hint">
        Deleting a conversation deletes its runs and memory. Flows are deleted from the Flows menu.
        {running && " Wait for the reply in progress to end."}
      </p>
      {problem && <p role="alert">{problem}</p>}
      {(users.status === "loading" || users.status === "idle") && <p>Measuring…</p>}
      {users.status === "failed" && (
        <p role="alert">Could not list conversations: {errorText(users.error)}</p>
      )}
      {users.status === "ready" && users.data.length === 0 && <p>No conversations are stored.</p>}
      {users.status === "ready" && users.data.length > 0 && (
        <ul className="free-space-list">
          {users.data.map((user) => (
            <li key={user.conversationId}>
              <span className="free-space-name">
                {user.title}
                <span className="free-space-meta">
                  {user.flowName} · {user.runs} {user.runs === 1 ? "run" : "runs"} ·{" "}
                  {size(user.bytes)} · {new Date(user.updatedAt).toLocaleDateString()}
                </span>
              </span>
              <button
                type="button"
                disabled={running}
                aria-label={`Delete conversation "${user.title}" (${size(user.bytes)})`}
                onClick={() => void remove(user)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
