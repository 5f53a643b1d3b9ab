import type { KeyDestination } from "../../engine/provider";
import { PROVIDER_TABLE } from "../../engine/providers/providerTable";
import type { ChatTurn } from "../../store/chatTurns";
import { useStudioApi } from "../../store/studioStore";
import { RetryIcon } from "./icons";

interface TurnToolsProps {
  turn: ChatTurn;
  turnIndex: number;
  busy: boolean;
  /** The error or "Stopped" text, which Retry is about. */
  problemId: string;
}

/**
 * Under a finished turn: ask again (a new version; the old one is kept), fix what failed, or
 * open the run to see what every call received.
 */
export function TurnTools({ turn, turnIndex, busy, problemId }: TurnToolsProps) {
  const { runId, status } = turn;
  const studio = useStudioApi();
  const n = turnIndex + 1;
  const failed = status === "error" || status === "aborted" || status === "interrupted";
  // The same request would fail the same way: the fix is the node's Model field.
  const missingModel = turn.error?.kind === "model-not-found" && turn.failedNodeId;
  const ask = () => void studio.getState().regenerate(turnIndex);
  return (
    <div className="chat-tools">
      {status === "ok" && (
        <button
          type="button"
          className="chat-tool"
          aria-label={`Regenerate reply ${n}`}
          title="Ask again from the same point: a new version, this one is kept"
          disabled={busy}
          onClick={ask}
        >
          <RetryIcon />
          Regenerate
        </button>
      )}
      {turn.error?.kind === "auth" && (
        <button
          type="button"
          className="chat-tool chat-tool-strong"
          // Opens at the section of the provider that refused the key.
          onClick={() => studio.getState().openSettings(turn.error?.provider)}
        >
          Open Settings
        </button>
      )}
      {missingModel && (
        <button
          type="button"
          className="chat-tool chat-tool-strong"
          aria-describedby={problemId}
          onClick={() =>
            turn.failedNodeId && studio.getState().focusNodeField(turn.failedNodeId, "model")
          }
        >
          Change model
        </button>
      )}
      {turn.error?.kind === "key-not-approved" && turn.error.destinations && (
        <KeyApprovalTools
          destinations={turn.error.destinations}
          turnIndex={turnIndex}
          busy={busy}
          problemId={problemId}
        />
      )}
      {/* Retrying would only be refused again: the buttons above are the ways on. */}
      {failed && !missingModel && turn.error?.kind !== "key-not-approved" && (
        <button
          type="button"
          className="chat-tool chat-tool-strong"
          aria-describedby={problemId}
          disabled={busy}
          onClick={ask}
        >
          <RetryIcon />
          Retry
        </button>
      )}
      {runId && (
        <button
          type="button"
          className="chat-tool"
          // "Inspect" is in the name, so voice-control users can say what they see.
          aria-label={`Inspect run ${n}`}
          title="Open this run in the Runs tab: what each model received and answered"
          onClick={() => {
            studio.getState().inspectRun(runId);
            studio.getState().setSideTab("runs");
          }}
        >
          Inspect
        </button>
      )}
    </div>
  );
}

interface KeyApprovalToolsProps {
  destinations: readonly KeyDestination[];
  turnIndex: number;
  busy: boolean;
  problemId: string;
}

/**
 * The two ways past a key kept from a server: approve the server for the key (saved, listed
 * in Settings, removable there) and retry, or retry once without the key.
 */
function KeyApprovalTools({ destinations, turnIndex, busy, problemId }: KeyApprovalToolsProps) {
  const studio = useStudioApi();
  const keys = [...new Set(destinations.map((d) => PROVIDER_TABLE[d.provider].title))].join(
    " and ",
  );
  const where = destinations.map((d) => d.origin).join(" and ");
  const approve = async () => {
    await studio.getState().approveKeyOrigins(destinations);
    await studio.getState().regenerate(turnIndex);
  };
  return (
    <>
      <button
        type="button"
        className="chat-tool chat-tool-strong"
        aria-describedby={problemId}
        title={`Your ${keys} key will also go to ${where} from now on (Settings lists it).`}
        disabled={busy}
        onClick={() => void approve()}
      >
        Approve {where} for the {keys} key and retry
      </button>
      <button
        type="button"
        className="chat-tool"
        aria-describedby={problemId}
        title="Send this message there once, without your key"
        disabled={busy}
        onClick={() => void studio.getState().regenerate(turnIndex, { keyless: destinations })}
      >
        Run once without the key
      </button>
    </>
  );
}
