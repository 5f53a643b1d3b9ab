import type { RunId } from "../../engine/ids";
import { useStudioApi } from "../../store/studioStore";

/**
 * A reply storage refused to save: it stays on screen (it was paid for), marked, with the way
 * to save it (and its memory) once storage takes it again.
 */
export function UnsavedReply({ runId }: { runId: RunId }) {
  const studio = useStudioApi();
  return (
    <p className="chat-error chat-unsaved" role="alert">
      Not saved (see above): this reply is only on screen.{" "}
      <button
        type="button"
        className="chat-tool chat-tool-strong"
        onClick={() => void studio.getState().retryStorageWrite(`saver.finishRun:${runId}`)}
      >
        Retry save
      </button>
    </p>
  );
}
