import { useId, useState } from "react";
import type { NodeRecord, RunSnapshot } from "../../engine/runSnapshot";
import { useStudio } from "../../store/studioStore";
import { useMemoryPalette } from "../memoryPanel/memoryPalette";
import { CallLines } from "./CallLines";
import { type CallLine, sentLines } from "./callMessages";
import { type ComparedNode, commonPrefix, comparedLlmNodes, onlyIn } from "./compareRuns";
import { errorInWords, firstWords, formatDuration, STATUS_WORDS } from "./runFormat";
import { memoriesOf } from "./runMemories";
import { type CallMessagesState, useCallMessages } from "./useCallMessages";
import { type RunLabels, useRunLabels } from "./useRunLabels";

interface RunCompareProps {
  first: RunSnapshot;
  second: RunSnapshot;
}

const NOTHING = new Set<string>();

/**
 * Two runs side by side, the earlier on the left: for each LLM node, what each call
 * received and answered. A message only one of them received is marked, and so is a reply
 * that differs.
 */
export function RunCompare({ first, second }: RunCompareProps) {
  const labels = useRunLabels();
  const inspectRun = useStudio((s) => s.inspectRun);
  const compareRun = useStudio((s) => s.compareRun);
  const headingId = useId();
  const order = (run: RunSnapshot) => labels.numbers.get(run.id) ?? 0;
  const earlierFirst = order(first) - order(second) || first.startedAt - second.startedAt;
  const [left, right] = earlierFirst <= 0 ? [first, second] : [second, first];
  const colors = useMemoryPalette([...memoriesOf(left), ...memoriesOf(right)]);
  const nodes = comparedLlmNodes(left, right);
  return (
    <article className="run-compare" aria-labelledby={headingId}>
      <header className="run-inspector-header">
        <h3 id={headingId}>
          {labels.label(left.id)} and {labels.label(right.id)}
        </h3>
        <button type="button" className="secondary" onClick={() => compareRun(null)}>
          Stop comparing
        </button>
        <button type="button" className="secondary" onClick={() => inspectRun(null)}>
          Close
        </button>
      </header>
      <div className="run-compare-grid">
        <RunHeading run={left} labels={labels} />
        <RunHeading run={right} labels={labels} />
      </div>
      {nodes.length === 0 && <p className="run-help">Neither run called an LLM.</p>}
      {nodes.map((node) => (
        <NodeComparison
          key={node.nodeId}
          node={node}
          left={left}
          right={right}
          labels={labels}
          colors={colors}
        />
      ))}
    </article>
  );
}

function RunHeading({ run, labels }: { run: RunSnapshot; labels: RunLabels }) {
  return (
    <div className="run-compare-heading">
      <strong>{labels.label(run.id)}</strong>{" "}
      <span className={`run-status is-${run.status}`}>{STATUS_WORDS[run.status]}</span>
      <p className="run-compare-input" title={run.input}>
        {firstWords(run.input)}
      </p>
      <p className="run-meta">took {formatDuration(run.endedAt - run.startedAt)}</p>
    </div>
  );
}

interface NodeComparisonProps {
  node: ComparedNode;
  left: RunSnapshot;
  right: RunSnapshot;
  labels: RunLabels;
  colors: ReadonlyMap<string, string>;
}

const linesOf = (state: CallMessagesState): CallLine[] | null =>
  state.status === "ready" ? sentLines(state.call) : null;

function NodeComparison({ node, left, right, labels, colors }: NodeComparisonProps) {
  const headingId = useId();
  const leftRead = useCallMessages(node.left?.llm, false);
  const rightRead = useCallMessages(node.right?.llm, false);
  const leftLines = linesOf(leftRead);
  const rightLines = linesOf(rightRead);
  // Marks need both sides: until both are read, nothing is marked rather than everything.
  const [leftOnly, rightOnly] =
    leftLines && rightLines
      ? [onlyIn(leftLines, rightLines), onlyIn(rightLines, leftLines)]
      : [NOTHING, NOTHING];
  const leftReply = node.left?.llm?.reply;
  const rightReply = node.right?.llm?.reply;
  const replyDiffers =
    leftReply !== undefined && rightReply !== undefined && leftReply !== rightReply;
  // What both calls received first, identically, is folded away: the difference comes after.
  const [showSame, setShowSame] = useState(false);
  const same = leftLines && rightLines ? commonPrefix(leftLines, rightLines) : 0;
  const shared = { labels, colors, nodeId: node.nodeId, skip: showSame ? 0 : same };
  return (
    <section className="run-compare-node" aria-labelledby={headingId}>
      <h4 id={headingId} className="run-call-title">
        <span className="run-call-node">{node.nodeId}</span>
        {replyDiffers && <span className="call-note call-note-diff">replies differ</span>}
      </h4>
      {same > 0 && (
        <button
          type="button"
          className="run-compare-same"
          aria-expanded={showSame}
          onClick={() => setShowSame(!showSame)}
        >
          {showSame ? "Hide" : "Show"} the {same === 1 ? "message" : `${same} messages`} both calls
          received first
        </button>
      )}
      <div className="run-compare-grid">
        <Side
          {...shared}
          run={left}
          record={node.left}
          read={leftRead}
          onlyHere={leftOnly}
          onlyHereNote={`not in ${labels.label(right.id).toLowerCase()}`}
        />
        <Side
          {...shared}
          run={right}
          record={node.right}
          read={rightRead}
          onlyHere={rightOnly}
          onlyHereNote={`not in ${labels.label(left.id).toLowerCase()}`}
        />
      </div>
    </section>
  );
}

interface SideProps {
  run: RunSnapshot;
  record: NodeRecord | undefined;
  read: CallMessagesState;
  onlyHere: ReadonlySet<string>;
  onlyHereNote: string;
  labels: RunLabels;
  colors: ReadonlyMap<string, string>;
  nodeId: string;
  /** Lines not shown from the start (the ones both calls received alike). */
  skip: number;
}

/** One run's half of a node's comparison. */
function Side({
  run,
  record,
  read,
  onlyHere,
  onlyHereNote,
  labels,
  colors,
  nodeId,
  skip,
}: SideProps) {
  const label = `${labels.label(run.id)}: ${nodeId}`;
  const llm = record?.llm;
  return (
    <section className="run-compare-side" aria-label={label}>
      {!record && <p className="run-help">Not in this run's flow.</p>}
      {record && !llm && <p className="run-help">{STATUS_WORDS[record.status]}: did not run.</p>}
      {read.status === "loading" && <p className="run-help">Reading…</p>}
      {read.status === "failed" && <p className="run-call-error">{read.message}</p>}
      {read.status === "ready" &&
        (sentLines(read.call).length > skip ? (
          <CallLines
            call={{ lines: sentLines(read.call).slice(skip), earlier: 0, appended: [] }}
            colors={colors}
            runId={run.id}
            numbers={labels.numbers}
            onlyHere={onlyHere}
            onlyHereNote={onlyHereNote}
            label={`Messages sent in ${label}`}
          />
        ) : (
          <p className="run-help">Nothing after those.</p>
        ))}
      {llm?.memory && llm.memory.droppedCount > 0 && (
        <p className="run-help">
          {llm.memory.droppedCount} older left out by the window
          {llm.memory.droppedByBudget ? ` (${llm.memory.droppedByBudget} by the token budget)` : ""}
          .
        </p>
      )}
      {llm?.reply !== undefined && (
        <div className="run-call-reply">
          <span className="run-label">Reply</span>
          <p className="call-text">{llm.reply}</p>
        </div>
      )}
      {record?.error && <p className="run-call-error">{errorInWords(record.error)}</p>}
      {llm?.usage && (
        <p className="run-meta">
          {llm.usage.inputTokens ?? "?"} in / {llm.usage.outputTokens ?? "?"} out
          {llm.latencyMs !== undefined && ` · ${formatDuration(llm.latencyMs)}`}
        </p>
      )}
    </section>
  );
}
