/*
 * JSON.parse with a message a user can act on. Engines word their syntax errors differently
 * (V8 gives a position, Firefox a line and column, some nothing), so when the parse fails a
 * small scanner finds the first bad character itself and says where it is, the same in
 * every browser and in Node.
 */

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string };

const BOM = "\uFEFF";

export function parseJson(text: string): JsonParseResult {
  // Editors on Windows may start a UTF-8 file with a byte-order mark; it is not content.
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, message: "Not JSON: the file is empty." };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, message: describeSyntaxError(body, error) };
  }
}

function describeSyntaxError(body: string, error: unknown): string {
  const found = findJsonSyntaxError(body);
  if (found === null) {
    // The scanner and the engine disagree: say what the engine said rather than nothing.
    return `Not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const { line, column } = lineAndColumn(body, found.index);
  return found.atEnd
    ? `Not JSON: the text ends too early, at line ${line}, column ${column} (something is not closed).`
    : `Not JSON: unexpected character at line ${line}, column ${column}.`;
}

/** 1-based line and column of a UTF-16 index; columns count characters, not code units. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = [...text.slice(lineStart, index)].length + 1;
  return { line, column };
}

export interface SyntaxErrorAt {
  /** Index (UTF-16) of the first character that cannot be there, or text.length. */
  index: number;
  /** True when the text ended where more was needed. */
  atEnd: boolean;
}

type Mode = "value" | "key" | "colon" | "after";

/**
 * The first syntax error of RFC 8259 JSON, or null if there is none. Iterative, with an
 * explicit stack, so a file of a million `[` cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): SyntaxErrorAt | null {
  const n = text.length;
  const stack: number[] = []; // char codes of the open brackets: { or [
  let i = 0;
  let mode: Mode = "value";
  const at = (index: number): SyntaxErrorAt => ({ index, atEnd: index >= n });

  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return mode === "after" && stack.length === 0 ? null : at(n);
    const c = text.charCodeAt(i);

    if (mode === "value") {
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        stack.push(c);
        i++;
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        if (text.charCodeAt(i) === close) {
          stack.pop();
          i++;
          mode = "after";
        } else {
          mode = c === OPEN_BRACE ? "key" : "value";
        }
        continue;
      }
      const end =
        c === QUOTE
          ? scanString(text, i)
          : c === MINUS || isDigit(c)
            ? scanNumber(text, i)
            : scanLiteral(text, i);
      if (typeof end !== "number") return end;
      i = end;
      mode = "after";
      continue;
    }

    if (mode === "key") {
      if (c !== QUOTE) return at(i);
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      i = end;
      mode = "colon";
      continue;
    }

    if (mode === "colon") {
      if (c !== COLON) return at(i);
      i++;
      mode = "value";
      continue;
    }

    // mode === "after": a value ended; a comma, the matching closer, or the end may follow.
    const top = stack[stack.length - 1];
    if (top === undefined) return at(i);
    if (c === COMMA) {
      i++;
      mode = top === OPEN_BRACE ? "key" : "value";
    } else if (
      (c === CLOSE_BRACE && top === OPEN_BRACE) ||
      (c === CLOSE_BRACKET && top === OPEN_BRACKET)
    ) {
      stack.pop();
      i++;
    } else {
      return at(i);
    }
  }
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const MINUS = 0x2d;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** Index after the closing quote, or where the string goes wrong. */
function scanString(text: string, start: number): number | SyntaxErrorAt {
  const n = text.length;
  let j = start + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    if (c < 0x20) return { index: j, atEnd: false };
    if (c === BACKSLASH) {
      if (j + 1 >= n) return { index: n, atEnd: true };
      const e = text[j + 1] as string;
      if (e === "u") {
        for (let k = j + 2; k < j + 6; k++) {
          if (k >= n) return { index: n, atEnd: true };
          if (!isHex(text.charCodeAt(k))) return { index: k, atEnd: false };
        }
        j += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(e)) return { index: j + 1, atEnd: false };
      j += 2;
      continue;
    }
    j++;
  }
  return { index: n, atEnd: true };
}

/** -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
function scanNumber(text: string, start: number): number | SyntaxErrorAt {
  const n = text.length;
  let j = start;
  const need = (ok: boolean): SyntaxErrorAt | null =>
    ok ? null : j >= n ? { index: n, atEnd: true } : { index: j, atEnd: false };
  if (text.charCodeAt(j) === MINUS) j++;
  const first = need(isDigit(text.charCodeAt(j)));
  if (first) return first;
  if (text.charCodeAt(j) === 0x30) j++;
  else while (isDigit(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) === 0x2e) {
    j++;
    const frac = need(isDigit(text.charCodeAt(j)));
    if (frac) return frac;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 0x65 || e === 0x45) {
    j++;
    const sign = text.charCodeAt(j);
    if (sign === 0x2b || sign === MINUS) j++;
    const exp = need(isDigit(text.charCodeAt(j)));
    if (exp) return exp;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

function scanLiteral(text: string, start: number): number | SyntaxErrorAt {
  const word = ["true", "false", "null"].find((w) => w[0] === text[start]);
  if (word === undefined) return { index: start, atEnd: false };
  for (let k = 0; k < word.length; k++) {
    if (start + k >= text.length) return { index: text.length, atEnd: true };
    if (text[start + k] !== word[k]) return { index: start + k, atEnd: false };
  }
  return start + word.length;
}
