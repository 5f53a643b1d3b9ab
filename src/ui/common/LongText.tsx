import "./longText.css";
import { useState } from "react";

/** Text longer than this shows its beginning and a "Show all" button, as chat replies do. */
export const PREVIEW_CHARS = 10_000;
/** Shown in full, the text is laid out in parts of about this size (see splitText). */
const PART_CHARS = 20_000;

/**
 * `text` cut into parts of at most PART_CHARS, each ending after a line break or a space where
 * there is one in its last quarter, so a cut seldom falls inside a word.
 */
export function splitText(text: string, size = PART_CHARS): string[] {
  const parts: string[] = [];
  let at = 0;
  while (text.length - at > size) {
    const window = text.slice(at + Math.floor(size * 0.75), at + size);
    const breakAt = Math.max(window.lastIndexOf("\n"), window.lastIndexOf(" "));
    const end = breakAt >= 0 ? at + Math.floor(size * 0.75) + breakAt + 1 : at + size;
    parts.push(text.slice(at, end));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

/**
 * Text a model or a memory holds, which may be a megabyte: its first PREVIEW_CHARS with
 * "Show all N characters", and once shown in full, in parts the browser lays out only as they
 * scroll into view (content-visibility), so neither the panel nor the button freezes the page.
 * Renders inline content: put it in the element that styles the text.
 */
export function LongText({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  if (text.length <= PREVIEW_CHARS) return text;
  if (!expanded) {
    return (
      <>
        {`${text.slice(0, PREVIEW_CHARS)}…`}
        <button
          type="button"
          className="long-text-show-all"
          onClick={(event) => {
            // Handled here: a row that toggles on a click (the Memory tab's) must not too.
            event.preventDefault();
            setExpanded(true);
          }}
        >
          Show all {text.length.toLocaleString("en")} characters
        </button>
      </>
    );
  }
  return splitText(text).map((part, i) => (
    // The parts of one text never move: the index is their identity.
    // biome-ignore lint/suspicious/noArrayIndexKey: see above
    <span key={i} className="long-text-part">
      {part}
    </span>
  ));
}
