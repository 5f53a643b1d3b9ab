import { Suspense, useDeferredValue, useMemo } from "react";
import { ErrorBoundary } from "../common/ErrorBoundary";
import { LazyReplyMarkdown } from "./lazyReplyMarkdown";
import { markdownVerdict } from "./markdownGuard";
import { PlainReply } from "./PlainReply";

interface ReplyViewProps {
  outputId: string;
  text: string;
  /** Shown when the flow has several outputs, so each reply says where it came from. */
  labelled: boolean;
  streaming: boolean;
}

const WHY_PLAIN = {
  "too-large": "Shown as plain text: too large to format.",
  "too-deep": "Shown as plain text: nested too deeply to format.",
} as const;

/**
 * One output's reply: Markdown when it is safe to format (markdownGuard.ts), else plain text
 * saying why. A reply that fails to render falls back to plain text here, never taking the
 * chat (or the app) down with it.
 */
export function ReplyView({ outputId, text, labelled, streaming }: ReplyViewProps) {
  // While tokens pour in, React may skip intermediate texts when it falls behind.
  const shown = useDeferredValue(text);
  const current = streaming ? shown : text;
  const verdict = useMemo(() => markdownVerdict(current), [current]);
  return (
    <div
      className={`chat-reply${streaming ? " chat-streaming" : ""}`}
      data-output={outputId}
      aria-busy={streaming || undefined}
    >
      {labelled && <span className="chat-output-label">{outputId}</span>}
      <ErrorBoundary
        fallback={(error) => (
          <PlainReply
            text={current}
            note={`Shown as plain text: it could not be formatted (${error.message}).`}
          />
        )}
      >
        {verdict === "markdown" ? (
          <Suspense fallback={<PlainReply text={current} />}>
            <LazyReplyMarkdown text={current} />
          </Suspense>
        ) : (
          <PlainReply text={current} note={WHY_PLAIN[verdict]} />
        )}
      </ErrorBoundary>
    </div>
  );
}
