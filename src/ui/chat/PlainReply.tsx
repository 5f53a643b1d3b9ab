import { useState } from "react";

/**
 * A reply longer than this shows its beginning and a "Show all" button: laying out a megabyte
 * of text at once holds the page for longer than a frame.
 */
export const COLLAPSED_CHARS = 10_000;

interface PlainReplyProps {
  text: string;
  /** Why the reply is not formatted, said under it (none while the formatter loads). */
  note?: string | undefined;
}

/** A reply as plain text, wrapped however long its words, collapsed when very long. */
export function PlainReply({ text, note }: PlainReplyProps) {
  const [expanded, setExpanded] = useState(false);
  const collapsed = !expanded && text.length > COLLAPSED_CHARS;
  return (
    <>
      <div className="chat-markdown chat-plain">
        {collapsed ? `${text.slice(0, COLLAPSED_CHARS)}…` : text}
      </div>
      {(note || collapsed) && (
        <p className="chat-plain-note">
          {note}
          {collapsed && (
            <button type="button" className="chat-show-all" onClick={() => setExpanded(true)}>
              Show all {text.length.toLocaleString("en")} characters
            </button>
          )}
        </p>
      )}
    </>
  );
}
