import type { Root } from "hast";
import { useEffect, useState } from "react";

/** The highlighter and its grammars: a chunk of its own, fetched with the first code block. */
const loadHighlighter = () => import("./codeHighlighter");

/** Tokens for `code`, as highlighted: `code` is the text they were made from. */
export interface Highlighted {
  code: string;
  tree: Root;
}

/**
 * The highlighted tokens of a code block, computed after it is drawn (the block shows plain
 * first) in a task of its own. While a reply streams the block grows: the last tokens stay
 * until the new ones are ready, so the colours do not flicker off on every chunk.
 */
export function useHighlightedCode(code: string, language: string | null): Highlighted | null {
  const [highlighted, setHighlighted] = useState<Highlighted | null>(null);
  useEffect(() => {
    if (language === null) return;
    const controller = new AbortController();
    void loadHighlighter()
      .then(({ highlightLater, MAX_HIGHLIGHT_CHARS }) => {
        if (code.length > MAX_HIGHLIGHT_CHARS) return null;
        return highlightLater(code, language, controller.signal);
      })
      .then((tree) => {
        if (!controller.signal.aborted && tree) setHighlighted({ code, tree });
      })
      // A chunk that fails to load (offline after an update) leaves the block plain.
      .catch(() => {});
    return () => controller.abort();
  }, [code, language]);
  return highlighted;
}
