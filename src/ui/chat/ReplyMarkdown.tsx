import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { MARKDOWN_COMPONENTS } from "./markdownComponents";
import { formatter } from "./markdownFormatter";
import type { HastResult } from "./markdownToHast";
import { PlainReply } from "./PlainReply";

/**
 * A formatted tree deeper than this is not rendered (React and the tree walk below recurse
 * once per level); the reply shows as plain text.
 */
export const MAX_TREE_DEPTH = 64;

/**
 * A formatted tree with more elements than this is not rendered: drawing it (again and again
 * while it streams) holds the page too long. The reply shows as plain text.
 */
export const MAX_TREE_ELEMENTS = 1_500;

/** While a reply streams, it is formatted again at most this often. */
export const REFORMAT_INTERVAL_MS = 150;

interface Formatted {
  text: string;
  result: HastResult;
}

/**
 * A reply as Markdown, parsed off the page's thread (markdownFormatter.ts) and rendered from
 * the tree. No raw HTML: HTML in a reply stays text, so model output can never run script or
 * load anything. Until the first parse is back, and when it fails, the reply is plain text.
 */
export const ReplyMarkdown = memo(function ReplyMarkdown({ text }: { text: string }) {
  const formatted = useFormattedMarkdown(text);
  const result = formatted?.result;
  const tree =
    result?.ok && result.depth <= MAX_TREE_DEPTH && result.elements <= MAX_TREE_ELEMENTS
      ? result.tree
      : null;
  const rendered = useMemo(() => (tree ? renderTree(tree) : null), [tree]);
  if (!result) return <PlainReply text={text} />;
  if (!rendered) {
    const why = !result.ok
      ? result.reason
      : result.depth > MAX_TREE_DEPTH
        ? "nested too deeply to format."
        : "too many parts to format.";
    return <PlainReply text={text} note={`Shown as plain text: ${why}`} />;
  }
  return (
    <div className="chat-markdown" data-formatted={formatted.text === text || undefined}>
      {rendered}
    </div>
  );
});

function renderTree(tree: Root) {
  return toJsxRuntime(tree, {
    Fragment,
    jsx,
    jsxs,
    components: MARKDOWN_COMPONENTS,
    ignoreInvalidStyle: true,
    passKeys: true,
    passNode: true,
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The latest formatting of `text`. One parse at a time per reply: while a reply streams, the
 * parse that ends picks up the newest text, no sooner than REFORMAT_INTERVAL_MS after the last.
 */
function useFormattedMarkdown(text: string): Formatted | null {
  const [formatted, setFormatted] = useState<Formatted | null>(null);
  const latest = useRef(text);
  const loop = useRef({ busy: false, alive: true });

  useEffect(() => {
    const state = loop.current;
    state.alive = true;
    return () => {
      state.alive = false;
    };
  }, []);

  useEffect(() => {
    latest.current = text;
    const state = loop.current;
    if (state.busy) return;
    state.busy = true;
    void (async () => {
      try {
        while (state.alive) {
          const wanted = latest.current;
          const started = Date.now();
          const result = await formatter()(wanted);
          if (!state.alive) break;
          setFormatted({ text: wanted, result });
          if (latest.current === wanted) break;
          await delay(Math.max(0, REFORMAT_INTERVAL_MS - (Date.now() - started)));
        }
      } finally {
        state.busy = false;
      }
    })();
  }, [text]);

  return formatted;
}
