import { Suspense, useDeferredValue } from "react";
import { LazyReplyMarkdown } from "./lazyReplyMarkdown";

interface ReplyViewProps {
  outputId: string;
  text: string;
  /** Shown when the flow has several outputs, so each reply says where it came from. */
  labelled: boolean;
  streaming: boolean;
}

/** One output's reply. */
export function ReplyView({ outputId, text, labelled, streaming }: ReplyViewProps) {
  // While tokens pour in, React may skip parsing intermediate texts when it falls behind:
  // the reply stays current without re-parsing Markdown for every single token.
  const shown = useDeferredValue(text);
  const markdown = streaming ? shown : text;
  return (
    <div
      className={`chat-reply${streaming ? " chat-streaming" : ""}`}
      data-output={outputId}
      aria-busy={streaming || undefined}
    >
      {labelled && <span className="chat-output-label">{outputId}</span>}
      <Suspense fallback={<div className="chat-markdown chat-plain">{markdown}</div>}>
        <LazyReplyMarkdown text={markdown} />
      </Suspense>
    </div>
  );
}
