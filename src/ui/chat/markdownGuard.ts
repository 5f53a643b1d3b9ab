/**
 * Whether a reply is safe to format as Markdown. The parser (micromark, under react-markdown)
 * recurses once per level of nesting and gets slow on long runs of emphasis or bracket
 * delimiters: a 2.5 KB reply of nested quotes overflowed the stack and blanked the app, and
 * 100 KB of `*a` froze the tab for a minute. Such replies are shown as plain text instead.
 *
 * Every check here is one pass over the text, with no recursion, so the guard itself is cheap
 * on any input.
 */

/** Markdown is formatted up to this many characters (about 48 KB of ASCII). */
export const MARKDOWN_MAX_CHARS = 48_000;
/** Blocks (quotes, lists) nested deeper than this are not formatted. */
export const MARKDOWN_MAX_DEPTH = 16;
/**
 * Emphasis, code and link delimiters beyond this count are not formatted: the parser pairs
 * them up in time that grows faster than their number.
 */
export const MARKDOWN_MAX_DELIMITERS = 4_000;

export type MarkdownVerdict = "markdown" | "too-large" | "too-deep";

/** What a reply may be shown as. */
export function markdownVerdict(text: string): MarkdownVerdict {
  if (text.length > MARKDOWN_MAX_CHARS) return "too-large";
  if (delimiterCount(text) > MARKDOWN_MAX_DELIMITERS) return "too-large";
  if (nestingDepth(text) > MARKDOWN_MAX_DEPTH) return "too-deep";
  return "markdown";
}

const STAR = 42;
const UNDERSCORE = 95;
const TILDE = 126;
const BACKTICK = 96;
const OPEN_BRACKET = 91;
const LESS_THAN = 60;

function delimiterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === STAR ||
      c === UNDERSCORE ||
      c === TILDE ||
      c === BACKTICK ||
      c === OPEN_BRACKET ||
      c === LESS_THAN
    ) {
      count++;
    }
  }
  return count;
}

/**
 * The deepest nesting of block containers on any line: each `>` and each list marker at the
 * start of a line opens one, and on a line that has one, so do two columns of indentation (a
 * nested list item). Indented code alone counts nothing. An over-estimate is fine: it only
 * means a reply shows as plain text.
 */
export function nestingDepth(text: string): number {
  let deepest = 0;
  let depth = 0;
  let indent = 0;
  let atLineStart = true;
  const lineDepth = () => (depth === 0 ? 0 : depth + Math.floor(indent / 2));
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      deepest = Math.max(deepest, lineDepth());
      depth = 0;
      indent = 0;
      atLineStart = true;
      continue;
    }
    if (!atLineStart) continue;
    if (c === " ") indent++;
    else if (c === "\t") indent += 4;
    else if (c === ">") depth++;
    else if ((c === "-" || c === "*" || c === "+") && isSpace(text[i + 1])) depth++;
    else if (c !== undefined && c >= "0" && c <= "9") {
      // An ordered list marker: digits, then `.` or `)`, then a space.
      let j = i;
      while (j < text.length && (text[j] as string) >= "0" && (text[j] as string) <= "9") j++;
      if ((text[j] === "." || text[j] === ")") && isSpace(text[j + 1])) {
        depth++;
        i = j;
      } else atLineStart = false;
    } else atLineStart = false;
  }
  return Math.max(deepest, lineDepth());
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === undefined;
