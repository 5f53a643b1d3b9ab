import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import { loadRunCode } from "../../store/sendMessage";
import { useStudio, useStudioApi } from "../../store/studioStore";
import { preloadReplyCode } from "./LazyTranscript";

/** The message box: Enter sends, Shift+Enter adds a line; Stop while a reply is coming. */
export function Composer() {
  const running = useStudio((s) => s.running !== null);
  const studio = useStudioApi();
  const [draft, setDraft] = useState("");
  /** Why the message in the box was not sent: it stays there until it can be. */
  const [held, setHeld] = useState<string | null>(null);
  const preloaded = useRef(false);
  const heldId = useId();
  const type = (text: string) => {
    setDraft(text);
    setHeld(null);
    if (preloaded.current) return;
    preloaded.current = true;
    // What the first reply needs, fetched while the user types it: the run, the list, Markdown.
    preloadReplyCode();
    loadRunCode().catch(() => {});
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft.trim() === "") return;
    // Let go of the message only if it will run: otherwise it stays in the box, with why.
    const blocker = studio.getState().sendBlocker();
    setHeld(blocker);
    if (blocker) return;
    void studio.getState().send(draft);
    setDraft("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  return (
    <form className="composer" onSubmit={submit}>
      <textarea
        aria-label="Message"
        aria-describedby={held ? heldId : undefined}
        placeholder="Message (Enter sends, Shift+Enter for a new line)"
        value={draft}
        rows={2}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {running ? (
        <button type="button" className="stop" onClick={() => studio.getState().stop()}>
          Stop
        </button>
      ) : (
        <button type="submit" disabled={draft.trim() === ""}>
          Send
        </button>
      )}
      {held && (
        <p id={heldId} className="composer-held" role="status">
          {held}
        </p>
      )}
    </form>
  );
}
