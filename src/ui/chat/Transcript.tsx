import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, useState } from "react";
import { useStudio } from "../../store/studioStore";
import { ChatTurnView } from "./ChatTurnView";
import { ArrowDownIcon } from "./icons";
import { measureVisible } from "./measureVisible";
import { TabNotice } from "./TabNotice";
import { TranscriptEmpty } from "./TranscriptEmpty";
import { useStickToBottom } from "./useStickToBottom";

/** A first guess at a turn's height (message, short reply, a memory note, the tools). */
export const ESTIMATED_TURN_PX = 180;
const GAP_PX = 14;

/**
 * The conversation on screen, virtualized: only the turns in view (and a few around them) are
 * in the DOM, so 10,000 messages scroll like 10. Heights are measured as turns render.
 */
export function Transcript() {
  const turns = useStudio((s) => s.turns);
  const busy = useStudio((s) => s.running !== null);
  const running = useStudio((s) => s.running);
  const conversationId = useStudio((s) => s.conversationId);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: turns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_TURN_PX,
    overscan: 4,
    gap: GAP_PX,
    paddingStart: GAP_PX,
    paddingEnd: GAP_PX,
    measureElement: measureVisible,
  });

  // The latest run started, kept when it ends: only a start re-pins, not the end of a reply
  // the user scrolled away from.
  const [startedRun, setStartedRun] = useState(running);
  if (running && running !== startedRun) setStartedRun(running);

  // A message just sent (or an edit, a retry) is followed even if the user had scrolled up.
  const { pinned, onScroll, scrollToLatest } = useStickToBottom(scrollRef, [
    conversationId,
    startedRun,
  ]);

  return (
    <>
      <div className="chat-transcript-frame">
        <div className="chat-transcript" ref={scrollRef} onScroll={onScroll}>
          {turns.length === 0 ? (
            <TranscriptEmpty />
          ) : (
            <ol
              aria-label="Messages"
              className="chat-turns"
              style={{ height: virtualizer.getTotalSize() }}
            >
              {virtualizer.getVirtualItems().map((item) => {
                const turn = turns[item.index];
                if (!turn) return null;
                return (
                  <li
                    key={item.key}
                    aria-setsize={turns.length}
                    aria-posinset={item.index + 1}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    className="chat-turn-slot"
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    <ChatTurnView
                      turn={turn}
                      turnIndex={item.index}
                      busy={busy}
                      latest={item.index === turns.length - 1}
                    />
                  </li>
                );
              })}
            </ol>
          )}
        </div>
        {!pinned && turns.length > 0 && (
          <button
            type="button"
            className="chat-jump"
            aria-label="Scroll to the latest message"
            onClick={scrollToLatest}
          >
            <ArrowDownIcon />
            Latest
          </button>
        )}
      </div>
      {/* A message of this chat that another tab's reply turned into a branch, until dismissed. */}
      <TabNotice />
    </>
  );
}
