import type { Root } from "hast";
import bash from "highlight.js/lib/languages/bash";
import css from "highlight.js/lib/languages/css";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import { createLowlight } from "lowlight";
import "./codeHighlight.css";

/**
 * Syntax highlighting of code blocks in replies: highlight.js's grammars through lowlight,
 * which returns a hast tree (rendered as React elements like the rest of the reply, never as
 * HTML). Loaded with the first code block that names a language; the grammars are the ones
 * models write most, each a few KB, so the chunk stays small.
 */
const lowlight = createLowlight({
  bash,
  css,
  javascript,
  json,
  python,
  sql,
  typescript,
  xml,
  yaml,
});
lowlight.registerAlias({
  bash: ["sh", "shell", "zsh", "console"],
  javascript: ["js", "jsx", "mjs", "cjs"],
  python: ["py", "python3"],
  typescript: ["ts", "tsx"],
  xml: ["html", "svg"],
  yaml: ["yml"],
});

/**
 * Blocks longer than this stay plain: highlight.js's regexes run in one task, and a hostile
 * reply of one huge block must not hold the page (20 KB takes a few ms).
 */
export const MAX_HIGHLIGHT_CHARS = 20_000;

/** The tokens of `code` as `language`, or null when the block stays plain. */
export function highlightCode(code: string, language: string): Root | null {
  if (code.length > MAX_HIGHLIGHT_CHARS || !lowlight.registered(language)) return null;
  try {
    return lowlight.highlight(language, code);
  } catch {
    // A grammar that throws on odd input leaves the block as it was: plain and readable.
    return null;
  }
}

interface Job {
  run(): void;
}

const queue: Job[] = [];
let draining = false;

/** One block per task: a reply with fifty blocks highlights over fifty short tasks, not one. */
function drain() {
  const job = queue.shift();
  if (!job) {
    draining = false;
    return;
  }
  job.run();
  setTimeout(drain, 0);
}

/**
 * Highlights `code` in a task of its own, after those already asked for. Resolves to null for
 * a block that stays plain, or when `signal` was aborted first (the block left the page).
 */
export function highlightLater(
  code: string,
  language: string,
  signal: AbortSignal,
): Promise<Root | null> {
  return new Promise((resolve) => {
    queue.push({ run: () => resolve(signal.aborted ? null : highlightCode(code, language)) });
    if (!draining) {
      draining = true;
      setTimeout(drain, 0);
    }
  });
}
