import type { SummaryCallRecord } from "../../engine/memorySummary";
import { LongText } from "../common/LongText";
import { counterWords } from "../inspector/CallTokensNote";
import { formatDuration } from "./runFormat";

/**
 * The summary a call was sent (docs/memory.md, "Summary memory") and, when this call updated
 * it, the summarizer's call as it happened: tagged "summary", what it received, its reply and
 * its tokens. Shown above the node's own call, which it came before.
 */
export function SummaryCallDetails({
  summary,
  replay = false,
}: {
  summary: SummaryCallRecord;
  /** A replay's summarizer call: from no previous summary, and not stored. */
  replay?: boolean;
}) {
  const covers = `the first ${summary.coveredCount} message${summary.coveredCount === 1 ? "" : "s"}`;
  if (!summary.updated) {
    return (
      <p className="run-help run-summary-note">
        <span className="call-tag">summary</span> Sent the stored summary of memory{" "}
        {summary.memoryId} ({covers}): nothing new had left the window, so no summary call.
      </p>
    );
  }
  const folded = summary.foldedCount ?? 0;
  const { request, usage, tokens, latencyMs } = summary;
  const count = (n: number | undefined) => (n === undefined ? "?" : String(n));
  return (
    <section
      className="run-summary-call"
      aria-label={`Summary call for memory ${summary.memoryId}`}
    >
      <p className="run-summary-head">
        <span className="call-tag">summary</span>{" "}
        {summary.provider && (
          <span className="run-call-model">
            {summary.provider} · {summary.model}
          </span>
        )}
      </p>
      <p className="run-help">
        {replay ? (
          <>
            Summarized the {folded} message{folded === 1 ? "" : "s"} of memory {summary.memoryId}{" "}
            this replay's window leaves out ({covers}, pinned ones not folded), from no earlier
            summary. Not stored.
          </>
        ) : (
          <>
            Folded {folded} newly dropped message{folded === 1 ? "" : "s"} into the summary of
            memory {summary.memoryId}
            {summary.previousCoversId ? ", starting from the previous summary" : ""}: it now covers{" "}
            {covers}.
          </>
        )}
        {tokens && ` Sent ${tokens.total.toLocaleString("en")} tokens (${counterWords(tokens)}).`}
      </p>
      {request && (
        <ol className="call-lines" aria-label="Messages sent to the summarizer">
          {request.map((m, i) => (
            // The request never changes once recorded: its position is its identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: a recorded request is fixed
            <li key={i} className={`call-line call-line-${m.role === "system" ? "system" : "run"}`}>
              <span className="call-line-head">
                <span className="call-role">{m.role}</span>
                <span className="call-tag">
                  {m.role === "system" ? "summary prompt" : "summary input"}
                </span>
              </span>
              <span className="call-text">
                <LongText text={m.content} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {summary.reply !== undefined && (
        <div className="run-call-reply">
          <span className="run-label">New summary</span>
          <p className="call-text">
            <LongText text={summary.reply} />
          </p>
        </div>
      )}
      {(usage || latencyMs !== undefined) && (
        <dl className="run-call-stats">
          {usage && (
            <div>
              <dt>Summary tokens in / out</dt>
              <dd>
                {count(usage.inputTokens)} / {count(usage.outputTokens)}
              </dd>
            </div>
          )}
          {latencyMs !== undefined && (
            <div>
              <dt>Summary latency</dt>
              <dd>{formatDuration(latencyMs)}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
