import { useState } from "react";
import type { ChatTurn } from "../../store/chatTurns";
import { useStudio } from "../../store/studioStore";

const WORDS: Record<ChatTurn["status"], string> = {
  running: "Waiting for the reply…",
  ok: "Reply complete.",
  error: "The reply failed.",
  aborted: "Reply stopped.",
  interrupted: "The reply was interrupted by a reload.",
};

/**
 * Tells screen-reader users when a reply starts and ends. The transcript itself is not a live
 * region: turns mounting as the list scrolls would be read out as if they were new.
 */
export function RunAnnouncer() {
  const status = useStudio((s) => s.turns.at(-1)?.status);
  const running = useStudio((s) => s.running !== null);
  const [heardRun, setHeardRun] = useState(false);
  // Silent until a run happens here: opening a conversation is not news.
  if (running && !heardRun) setHeardRun(true);
  return (
    <p className="sr-only" role="status">
      {heardRun && status ? WORDS[running ? "running" : status] : ""}
    </p>
  );
}
