import { lazy, Suspense, useId, useRef, useState } from "react";
import type { RunId } from "../../engine/ids";
import type { NodeRecord } from "../../engine/runSnapshot";
import { useStudio } from "../../store/studioStore";
import { LongText } from "../common/LongText";
import { counterWords } from "../inspector/CallTokensNote";
import { windowAndBudgetLabel } from "../memory/memoryLabels";
import { CallLines } from "./CallLines";
import type { CallMessages } from "./callMessages";
import { errorInWords, formatDuration, STATUS_WORDS } from "./runFormat";
import { SummaryCallDetails } from "./SummaryCallDetails";
import { useCallMessages } from "./useCallMessages";

/** The replay view, fetched when a replay is first opened (docs/memory.md, "Replaying a call"). */
const ReplayDialog = lazy(() =>
  import("./replay/ReplayDialog").then((m) => ({ default: m.ReplayDialog })),
);

type LlmNodeRecord = NodeRecord & { llm: NonNullable<NodeRecord["llm"]> };

export const isLlmCall = (node: NodeRecord): node is LlmNodeRecord => node.llm !== undefined;

interface LlmCallDetailsProps {
  node: LlmNodeRecord;
  runId: RunId;
  colors: ReadonlyMap<string, string>;
  numbers: ReadonlyMap<RunId, number>;
  /** The run's label ("Run 3"), named by the replay view. */
  runLabel: string;
}

/**
 * One LLM call of a run, exactly as it happened: the messages sent (and those the window
 * dropped), the reply, tokens, latency, any error, and what the call added to its memory.
 */
export function LlmCallDetails({ node, runId, colors, numbers, runLabel }: LlmCallDetailsProps) {
  const headingId = useId();
  const { llm } = node;
  const read = useCallMessages(llm, true);
  const [replaying, setReplaying] = useState(false);
  const replayButton = useRef<HTMLButtonElement>(null);
  const replays = useStudio(
    (s) => s.replays.filter((r) => r.runId === runId && r.nodeId === node.nodeId).length,
  );
  return (
    <section className={`run-call is-${node.status}`} aria-labelledby={headingId}>
      <h4 id={headingId} className="run-call-title">
        <span className="run-call-node">{node.nodeId}</span>
        <span className="run-call-model">
          {llm.provider} · {llm.model}
        </span>
        <span className={`run-status is-${node.status}`}>{STATUS_WORDS[node.status]}</span>
      </h4>
      <p className="run-call-summary">
        {memorySummary(node, read.status === "ready" && read.call.lines.some((l) => l.shared))}
      </p>
      {llm.summary && <SummaryCallDetails summary={llm.summary} />}
      {llm.tokens && (
        <p className="run-help call-tokens">
          Sent {llm.tokens.total.toLocaleString("en")} tokens ({counterWords(llm.tokens)}).
        </p>
      )}
      {llm.contextWarning && <p className="run-call-warning">{llm.contextWarning}</p>}
      {read.status === "loading" && <p className="run-help">Reading the messages…</p>}
      {read.status === "failed" && <p className="run-call-error">{read.message}</p>}
      {read.status === "ready" && (
        <CallLines
          call={read.call}
          colors={colors}
          runId={runId}
          numbers={numbers}
          label={`Messages sent by ${node.nodeId}`}
        />
      )}
      {llm.reply !== undefined && (
        <div className="run-call-reply">
          <span className="run-label">Reply</span>
          <p className="call-text">
            <LongText text={llm.reply} />
          </p>
        </div>
      )}
      {node.error && (
        <p className="run-call-error">
          <span className="run-label">Error</span> {errorInWords(node.error)}
        </p>
      )}
      <CallStats node={node} />
      {read.status === "ready" && <Appended node={node} call={read.call} />}
      <p className="run-call-replay">
        <button
          ref={replayButton}
          type="button"
          className="secondary"
          aria-haspopup="dialog"
          onClick={() => setReplaying(true)}
        >
          Replay with other settings…
        </button>
        {replays > 0 && (
          <span className="run-help">
            {replays} replay{replays === 1 ? "" : "s"} this session
          </span>
        )}
      </p>
      {replaying && (
        <Suspense fallback={null}>
          <ReplayDialog
            node={node}
            runId={runId}
            runLabel={runLabel}
            colors={colors}
            numbers={numbers}
            onClose={() => {
              setReplaying(false);
              replayButton.current?.focus();
            }}
          />
        </Suspense>
      )}
    </section>
  );
}

/** What the call saw of its memory, in words, before the messages themselves. */
function memorySummary({ llm }: LlmNodeRecord, sharedLines: boolean): string {
  const memory = llm.memory;
  if (!memory) return "No memory: it received the system prompt (if any) and the prompt.";
  const sent = memory.keptIds.length;
  const mode = memory.mode === "read-write" ? "" : ` (${memory.mode})`;
  const budget = memory.windowTokens ?? null;
  const overBudget = memory.droppedByBudget ?? 0;
  const byWindow = memory.droppedCount - overBudget;
  const dropped = [
    ...(byWindow > 0 ? [`${byWindow} older left out by the window`] : []),
    ...(overBudget > 0 ? [`${overBudget} left out by the token budget`] : []),
  ];
  const memoryTokens =
    budget === null ? "" : ` Memory used ${memory.keptTokens ?? 0} of its ${budget} tokens.`;
  // Runs from before the scope was recorded still say so when a message came from the flow's log.
  const shared =
    memory.scope === "flow" || sharedLines
      ? " (flow-scoped: shared by every conversation of this flow)"
      : "";
  return `Memory ${memory.memoryId}${shared}${mode}, ${windowAndBudgetLabel(memory.windowSize, budget)}: ${sent} message${sent === 1 ? "" : "s"} sent${dropped.map((d) => `, ${d}`).join("")}.${memoryTokens}`;
}

function CallStats({ node }: { node: LlmNodeRecord }) {
  const { usage, latencyMs } = node.llm;
  const tokens = (n: number | undefined) => (n === undefined ? "?" : String(n));
  if (!usage && latencyMs === undefined) return null;
  return (
    <dl className="run-call-stats">
      {usage && (
        <div>
          <dt>Tokens in / out</dt>
          <dd>
            {tokens(usage.inputTokens)} / {tokens(usage.outputTokens)}
          </dd>
        </div>
      )}
      {latencyMs !== undefined && (
        <div>
          <dt>Latency</dt>
          <dd>{formatDuration(latencyMs)}</dd>
        </div>
      )}
    </dl>
  );
}

/** What the call wrote to memory: a failed call writes nothing, a read-only one never does. */
function Appended({ node, call }: { node: LlmNodeRecord; call: CallMessages }) {
  const memory = node.llm.memory;
  if (!memory) return null;
  let note: string | null = null;
  if (call.appended.length === 0) {
    if (node.status !== "ok") note = `Added nothing to memory ${memory.memoryId}: the call failed.`;
    else if (memory.mode === "read-only")
      note = `Added nothing to memory ${memory.memoryId}: read only.`;
    else note = `Added nothing to memory ${memory.memoryId}.`;
  }
  if (note) return <p className="run-call-appended run-help">{note}</p>;
  return (
    <div className="run-call-appended">
      <span className="run-label">
        Added to memory <span className="run-label-id">{memory.memoryId}</span>
      </span>
      <ul>
        {call.appended.map((m) => (
          <li key={m.id}>
            <span className="call-role">{m.role}</span>{" "}
            <span className="call-snippet">
              <LongText text={m.content} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
