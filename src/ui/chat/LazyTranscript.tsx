import { useStudio } from "../../store/studioStore";
import { useLazyModule } from "../common/useLazyModule";
import { loadReplyMarkdown } from "./lazyReplyMarkdown";
import { TranscriptEmpty } from "./TranscriptEmpty";

/**
 * The virtualized list (@tanstack/react-virtual) and the turn views, about 12 KB gzipped:
 * fetched when the conversation first has a turn, so an empty chat (a new flow's first
 * screen) never waits for them.
 */
export const loadTranscript = () => import("./Transcript");

/**
 * Fetches the list's code and the Markdown renderer ahead of the first reply, once the user
 * starts typing a message: parsed by the time the reply streams in, never fetched for a chat
 * nobody writes in. A failure is ignored here: the reply loads them again and shows text.
 */
export function preloadReplyCode(): void {
  loadTranscript().catch(() => {});
  loadReplyMarkdown().catch(() => {});
}

/** The transcript, or until its code has arrived, the same frame without the list. */
export function LazyTranscript() {
  const hasTurns = useStudio((s) => s.turns.length > 0);
  const loaded = useLazyModule(loadTranscript, hasTurns);
  if (loaded) return <loaded.Transcript />;
  return (
    <div className="chat-transcript-frame">
      <div className="chat-transcript" aria-busy={hasTurns || undefined}>
        {!hasTurns && <TranscriptEmpty />}
      </div>
    </div>
  );
}
