import type { Element, ElementContent, Root, RootContent } from "hast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { safeUrl } from "./safeUrl";

/**
 * A reply's Markdown as an HTML syntax tree, ready to render, or why it cannot be formatted.
 * Runs in the Markdown worker (markdown.worker.ts), off the page's thread: parsing is what
 * takes time on hostile input. Plain data in and out, so the tree crosses postMessage.
 */
export type HastResult =
  | { ok: true; tree: Root; depth: number; elements: number }
  | { ok: false; reason: string };

// Raw HTML reaches the tree as `raw` nodes (allowDangerousHtml), turned into text below: HTML
// in a reply stays visible as text, never markup, so model output can never run script.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true });

export function markdownToHast(text: string): HastResult {
  try {
    const tree = processor.runSync(processor.parse(text)) as Root;
    return { ok: true, tree, ...makeInert(tree) };
  } catch (error) {
    // A stack overflow on deep input lands here: the reply shows as plain text.
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Properties that hold an address, and the elements they do so on (html-url-attributes). */
const URL_PROPERTIES: Record<string, readonly string[] | null> = {
  href: ["a", "area", "base", "link"],
  src: ["audio", "embed", "iframe", "img", "input", "script", "source", "track", "video"],
  cite: ["blockquote", "del", "ins", "q"],
  action: ["form"],
  formAction: ["button", "input"],
  poster: ["video"],
  ping: ["a", "area"],
  data: ["object"],
  itemId: null,
};

/**
 * Raw HTML becomes text and unsafe addresses are dropped, in one walk with an explicit stack
 * (no recursion that depth could overflow). Returns the tree's depth and element count.
 */
function makeInert(tree: Root): { depth: number; elements: number } {
  let deepest = 0;
  let elements = 0;
  const todo: { children: (RootContent | ElementContent)[]; depth: number }[] = [
    { children: tree.children, depth: 1 },
  ];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const { children, depth } = next;
    deepest = Math.max(deepest, depth);
    for (let i = 0; i < children.length; i++) {
      const node = children[i] as RootContent;
      if (node.type === "raw") {
        children[i] = { type: "text", value: node.value };
      } else if (node.type === "element") {
        elements++;
        dropUnsafeUrls(node);
        todo.push({ children: node.children, depth: depth + 1 });
      }
    }
  }
  return { depth: deepest, elements };
}

function dropUnsafeUrls(node: Element) {
  for (const [key, tags] of Object.entries(URL_PROPERTIES)) {
    if (!Object.hasOwn(node.properties, key)) continue;
    if (tags !== null && !tags.includes(node.tagName)) continue;
    const safe = safeUrl(String(node.properties[key] ?? ""));
    if (safe === null) delete node.properties[key];
    else node.properties[key] = safe;
  }
}
