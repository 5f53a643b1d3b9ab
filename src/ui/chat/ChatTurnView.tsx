import { memo } from "react";
import type { ChatTurn } from "../../store/chatTurns";

/** One exchange; model text is rendered as text, never as HTML. */
export const ChatTurnView = memo(function ChatTurnView({ turn }: { turn: ChatTurn }) {
  const outputs = Object.entries(turn.outputs);
  const labelled = outputs.length > 1;
  return (
    <div className="turn">
      <div className="message user">
        <span className="sr-only">You: </span>
        {turn.input}
      </div>
      {outputs.map(([outputId, text]) => (
        <div key={outputId} className="message assistant" data-output={outputId}>
          {labelled && <span className="output-label">{outputId}</span>}
          {text}
          {turn.status === "running" && <span className="cursor" aria-hidden="true" />}
        </div>
      ))}
      {turn.status === "running" && outputs.length === 0 && (
        <div className="message assistant pending">Thinking…</div>
      )}
      {turn.status === "aborted" && (
        <div className="note">Stopped. Memory is as it was before this message.</div>
      )}
      {turn.status === "error" && turn.error && (
        <div className="message error" role="alert">
          {turn.error.message}
        </div>
      )}
      {turn.memoryNotes.length > 0 && (
        <ul className="memory-notes" aria-label="What each model saw">
          {turn.memoryNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
});
