import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useStudio } from "../../store/studioStore";
import { ChatTurnView } from "./ChatTurnView";

export function ChatPanel() {
  const turns = useStudio((s) => s.turns);
  const running = useStudio((s) => s.running !== null);
  const send = useStudio((s) => s.send);
  const stop = useStudio((s) => s.stop);
  const newConversation = useStudio((s) => s.newConversation);
  const [draft, setDraft] = useState("");
  const endRef = useRef<HTMLDivElement>(null);

  const lastOutputs = turns.at(-1)?.outputs;
  useEffect(() => {
    if (lastOutputs) endRef.current?.scrollIntoView?.({ block: "end" });
  }, [lastOutputs]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (running || draft.trim() === "") return;
    void send(draft);
    setDraft("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  return (
    <section className="panel chat" aria-label="Chat">
      <div className="panel-header">
        <h2>Chat</h2>
        <button type="button" className="secondary" onClick={newConversation} disabled={running}>
          New conversation
        </button>
      </div>
      <div className="transcript" aria-live="polite">
        {turns.length === 0 && (
          <p className="empty">
            Say something. With memory on, the model sees the earlier messages of this conversation,
            even after a reload.
          </p>
        )}
        {turns.map((turn, i) => (
          <ChatTurnView key={turn.runId ?? `pending-${i}`} turn={turn} />
        ))}
        <div ref={endRef} />
      </div>
      <form className="composer" onSubmit={submit}>
        <textarea
          aria-label="Message"
          placeholder="Message (Enter sends, Shift+Enter for a new line)"
          value={draft}
          rows={2}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {running ? (
          <button type="button" className="stop" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="submit" disabled={draft.trim() === ""}>
            Send
          </button>
        )}
      </form>
    </section>
  );
}
