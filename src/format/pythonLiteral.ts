/*
 * Python source text from user data. Prompts can hold anything: quotes, backslashes, line
 * breaks, control and bidi characters; each must come out as the same string in Python and
 * must not be able to end the literal or the comment it sits in.
 */

/** Characters written as escapes: controls, format (bidi) characters, line/paragraph separators, lone surrogates. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

const SHORT_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** A double-quoted Python str literal that evaluates to exactly `text`. */
export function pyString(text: string): string {
  let out = '"';
  // for…of walks code points, so a surrogate pair stays one character and a lone one is escaped.
  for (const ch of text) {
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (UNSAFE.test(ch)) out += escapeCodePoint(ch.codePointAt(0) as number);
    else out += ch;
  }
  return `${out}"`;
}

function escapeCodePoint(cp: number): string {
  if (cp <= 0xff) return `\\x${hex(cp, 2)}`;
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/**
 * A Python number literal: JS prints finite numbers as Python reads them (1e+21, 5e-324).
 * A flow read from a file never holds NaN or Infinity (JSON has neither); None stands for
 * them rather than an exception, should the editor ever produce one.
 */
export const pyNumber = (n: number): string => (Number.isFinite(n) ? String(n) : "None");

/** Text safe inside a `#` comment: anything that could break the line becomes a space. */
export function commentText(text: string): string {
  return text.replace(new RegExp(UNSAFE.source, "gu"), " ");
}
