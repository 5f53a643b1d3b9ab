import type { Element } from "hast";
import { type Components, toJsxRuntime } from "hast-util-to-jsx-runtime";
import { type ComponentProps, type JSX, useMemo } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { CopyCodeButton } from "./CopyCodeButton";
import { hastText } from "./hastText";
import { safeUrl } from "./safeUrl";
import { type Highlighted, useHighlightedCode } from "./useHighlightedCode";

/** The hast element a component renders (passNode), as react-markdown passed it. */
interface ExtraProps {
  node?: Element | undefined;
}

type Props<Tag extends keyof JSX.IntrinsicElements> = ComponentProps<Tag> & ExtraProps;

/** Links leave the app in a new tab that cannot reach back (opener) or vouch (nofollow). */
function SafeLink({ href, title, children }: Props<"a">) {
  // The urlTransform already refused unsafe addresses; checked again so this stays safe on its own.
  const safe = href ? safeUrl(href) : null;
  if (!safe) return <span className="chat-md-dead-link">{children}</span>;
  return (
    <a href={safe} title={title ?? safe} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

/**
 * A model's image is shown as a link, never loaded: an image URL fetched on render is a known way
 * for injected instructions to send conversation text to a third party.
 */
function ImageAsLink({ src, alt }: Props<"img">) {
  const label = alt?.trim() ? `Image: ${alt.trim()}` : "Image";
  const safe = typeof src === "string" ? safeUrl(src) : null;
  if (!safe) return <span className="chat-md-dead-link">{label}</span>;
  return (
    <a href={safe} title={safe} target="_blank" rel="noopener noreferrer nofollow">
      {label}
    </a>
  );
}

/** The language a fenced block names (```ts), shown above it. */
function languageOf(node: ExtraProps["node"]): string | null {
  const code = node?.children[0];
  if (code?.type !== "element") return null;
  const classes = code.properties.className;
  const found = Array.isArray(classes)
    ? classes.find((c) => String(c).startsWith("language-"))
    : undefined;
  return found === undefined ? null : String(found).slice("language-".length);
}

/**
 * The block's code as tokens, once highlighted (useHighlightedCode): text the tokens do not
 * cover yet (a streamed block that grew since) follows them plain.
 */
function HighlightedCode({ code, highlighted }: { code: string; highlighted: Highlighted }) {
  const tokens = useMemo(
    () => toJsxRuntime(highlighted.tree, { Fragment, jsx, jsxs }),
    [highlighted.tree],
  );
  return (
    <code className="hljs">
      {tokens}
      {code.slice(highlighted.code.length)}
    </code>
  );
}

function CodeBlock({ node, children }: Props<"pre">) {
  // The fence's last newline is markup, not code.
  const code = hastText(node).replace(/\n$/, "");
  const language = languageOf(node);
  const highlighted = useHighlightedCode(code, language?.toLowerCase() ?? null);
  return (
    <div className="chat-code">
      <div className="chat-code-bar">
        <span className="chat-code-language">{language ?? "code"}</span>
        <CopyCodeButton code={code} />
      </div>
      {/* Focusable: a long line scrolls sideways, and keyboard users must be able to scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access. */}
      <pre tabIndex={0}>
        {highlighted && code.startsWith(highlighted.code) ? (
          <HighlightedCode code={code} highlighted={highlighted} />
        ) : (
          children
        )}
      </pre>
    </div>
  );
}

function ScrollingTable({ children }: Props<"table">) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access.
    <div className="chat-table" tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}

/** GFM task list boxes: a disabled checkbox with no label trips screen readers and axe. */
function TaskBox({ type, checked, children }: Props<"input">) {
  if (type !== "checkbox") return <span>{children}</span>;
  return (
    <span className="chat-task" role="img" aria-label={checked ? "Done" : "Not done"}>
      {checked ? "☑" : "☐"}
    </span>
  );
}

/*
 * The page has its h1 and the panel's h2: a reply's "# Title" starts at h3, so the outline of
 * the page stays whole for screen-reader users who move by heading.
 */
const H3 = ({ children }: Props<"h1">) => <h3 className="chat-md-heading">{children}</h3>;
const H4 = ({ children }: Props<"h2">) => <h4 className="chat-md-heading">{children}</h4>;
const H5 = ({ children }: Props<"h3">) => <h5 className="chat-md-heading">{children}</h5>;
const H6 = ({ children }: Props<"h4">) => <h6 className="chat-md-heading">{children}</h6>;

export const MARKDOWN_COMPONENTS: Partial<Components> = {
  a: SafeLink,
  img: ImageAsLink,
  pre: CodeBlock,
  table: ScrollingTable,
  input: TaskBox,
  h1: H3,
  h2: H4,
  h3: H5,
  h4: H6,
  h5: H6,
  h6: H6,
};
