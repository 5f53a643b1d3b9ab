import { useStudio } from "../../store/studioStore";
import { useLazyModule } from "../common/useLazyModule";
import { TranscriptEmpty } from "./TranscriptEmpty";

/**
 * The virtualized list (@tanstack/react-virtual) and the turn views, about 12 KB gzipped:
 * fetched when the conversation first has a turn, so an empty chat (a new flow's first
 * screen) never waits for them.
 */
export const loadTranscript = () => import("./Transcript");

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
