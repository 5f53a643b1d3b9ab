import { Suspense, useMemo } from "react";
import { LazyReplyMarkdown } from "../../chat/lazyReplyMarkdown";
import { markdownVerdict } from "../../chat/markdownGuard";
import { PlainReply } from "../../chat/PlainReply";
import { ErrorBoundary } from "../../common/ErrorBoundary";

const WHY_PLAIN = {
  "too-large": "Shown as plain text: too large to format.",
  "too-deep": "Shown as plain text: nested too deeply to format.",
} as const;

/**
 * A note's text through the chat's Markdown pipeline: the guard first (hostile text stays
 * plain), then the parser in its Web Worker and the bounded renderer. HTML stays text, unsafe
 * links are dropped; a failure to render shows the text as it is.
 */
export function NoteMarkdown({ text }: { text: string }) {
  const verdict = useMemo(() => markdownVerdict(text), [text]);
  return (
    <ErrorBoundary
      fallback={(error) => (
        <PlainReply
          text={text}
          note={`Shown as plain text: it could not be formatted (${error.message}).`}
        />
      )}
    >
      {verdict === "markdown" ? (
        <Suspense fallback={<PlainReply text={text} />}>
          <LazyReplyMarkdown text={text} />
        </Suspense>
      ) : (
        <PlainReply text={text} note={WHY_PLAIN[verdict]} />
      )}
    </ErrorBoundary>
  );
}
