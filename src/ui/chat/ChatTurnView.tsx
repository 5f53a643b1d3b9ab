import { memo, useId } from "react";
import type { RunError } from "../../engine/runSnapshot";
import type { ChatTurn } from "../../store/chatTurns";
import { useStudio } from "../../store/studioStore";
import { ReplyView } from "./ReplyView";
import { RetryCountdown } from "./RetryCountdown";
import { TurnProblem } from "./TurnProblem";
import { TurnTools } from "./TurnTools";
import { UserMessage } from "./UserMessage";

interface ChatTurnViewProps {
  turn: ChatTurn;
  turnIndex: number;
  /** A run is in progress: every action that would start another is disabled. */
  busy: boolean;
  /** The newest turn of the transcript. */
  latest: boolean;
}

const UNKNOWN_ERROR: RunError = {
  kind: "internal",
  message: "The run failed without saying why. Try again.",
};

/**
 * One exchange: the message, each output's reply, what went wrong, what memory each model saw,
 * and what to do next. Memoized: while a reply streams, the finished turns do not re-render.
 */
export const ChatTurnView = memo(function ChatTurnView({
  turn,
  turnIndex,
  busy,
  latest,
}: ChatTurnViewProps) {
  const problemId = useId();
  const outputs = Object.entries(turn.outputs);
  const running = turn.status === "running";
  // This tab's message waits for a reply another tab is getting in the same conversation.
  const waitingForTab = useStudio((s) => s.waitingForTab);
  return (
    <div className="chat-turn">
      <UserMessage turn={turn} turnIndex={turnIndex} busy={busy} />
      {outputs.map(([outputId, text]) => (
        <ReplyView
          key={outputId}
          outputId={outputId}
          text={text}
          labelled={outputs.length > 1}
          streaming={running}
        />
      ))}
      {running && turn.retrying && <RetryCountdown retrying={turn.retrying} />}
      {running && !turn.retrying && outputs.length === 0 && (
        <p className="chat-reply chat-pending">
          {latest && waitingForTab ? "Waiting for the other tab's reply…" : "Thinking…"}
        </p>
      )}
      {(turn.status === "error" || turn.status === "aborted" || turn.status === "interrupted") && (
        <TurnProblem
          id={problemId}
          error={turn.status === "error" ? (turn.error ?? UNKNOWN_ERROR) : null}
          interrupted={turn.status === "interrupted"}
          latest={latest}
        />
      )}
      {turn.memoryNotes.length > 0 && (
        <ul className="chat-memory-notes" aria-label="What each model saw">
          {turn.memoryNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {!running && (
        <TurnTools turn={turn} turnIndex={turnIndex} busy={busy} problemId={problemId} />
      )}
    </div>
  );
});
