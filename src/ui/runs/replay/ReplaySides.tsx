import type { RunId } from "../../../engine/ids";
import type { KeyDestination } from "../../../engine/provider";
import type { NodeRecord } from "../../../engine/runSnapshot";
import type { ReplayEntry } from "../../../store/replaySlice";
import { LongText } from "../../common/LongText";
import { counterWords } from "../../inspector/CallTokensNote";
import { windowAndBudgetLabel } from "../../memory/memoryLabels";
import { CallLines } from "../CallLines";
import type { CallMessages } from "../callMessages";
import { errorInWords, formatDuration } from "../runFormat";
import { SummaryCallDetails } from "../SummaryCallDetails";

type LlmNodeRecord = NodeRecord & { llm: NonNullable<NodeRecord["llm"]> };

interface SideBase {
  runId: RunId;
  nodeId: string;
  colors: ReadonlyMap<string, string>;
  numbers: ReadonlyMap<RunId, number>;
  /** Keys of the messages the other side did not send. */
  onlyHere: ReadonlySet<string>;
}

/** The settings a side ran with, in a line. */
function settingsLine(s: {
  provider: string;
  model: string;
  memory: { windowSize: number | null; windowTokens: number | null; mode: string } | null;
  systemPrompt: boolean;
  /** The replay's summary setting in words; absent: as recorded. */
  summary?: string;
}): string {
  const memory = s.memory
    ? `${windowAndBudgetLabel(s.memory.windowSize, s.memory.windowTokens)}${s.memory.mode === "read-write" ? "" : `, ${s.memory.mode}`}`
    : "no memory";
  const summary = s.summary ? ` · ${s.summary}` : "";
  return `${s.provider} · ${s.model} · ${memory}${summary} · ${s.systemPrompt ? "system prompt" : "no system prompt"}`;
}

/** A replay's summary setting in words; undefined: as recorded (nothing to say). */
function summaryWords(summary: ReplayEntry["settings"]["summary"]): string | undefined {
  if (summary.kind === "off") return "summary off";
  if (summary.kind === "summarizer")
    return `summary by ${summary.summarizer.provider} · ${summary.summarizer.model}`;
  return undefined;
}

function dropped(count: number, byBudget: number): string | null {
  if (count === 0) return null;
  const byWindow = count - byBudget;
  const parts = [
    ...(byWindow > 0 ? [`${byWindow} left out by the window`] : []),
    ...(byBudget > 0 ? [`${byBudget} over the token budget`] : []),
  ];
  return `Of the memory, ${parts.join(" and ")}.`;
}

/** The recorded call: what it sent, as the run inspector shows it, and its reply. */
export function OriginalSide({
  node,
  call,
  problem,
  onlyHere,
  colors,
  numbers,
  runId,
  nodeId,
}: SideBase & { node: LlmNodeRecord; call: CallMessages | null; problem: string | null }) {
  const { llm } = node;
  const memory = llm.memory;
  const droppedWords = memory ? dropped(memory.droppedCount, memory.droppedByBudget ?? 0) : null;
  return (
    <section className="replay-side" aria-label="Original call">
      <h3 className="replay-side-title">Original</h3>
      <p className="run-meta">
        {settingsLine({
          provider: llm.provider,
          model: llm.model,
          memory: memory
            ? {
                windowSize: memory.windowSize,
                windowTokens: memory.windowTokens ?? null,
                mode: memory.mode,
              }
            : null,
          systemPrompt: llm.systemPrompt !== undefined,
        })}
      </p>
      {llm.tokens && (
        <p className="run-help">
          Sent {llm.tokens.total.toLocaleString("en")} tokens ({counterWords(llm.tokens)}).
        </p>
      )}
      {droppedWords && <p className="run-help">{droppedWords}</p>}
      {problem && <p className="run-call-error">{problem}</p>}
      {!call && !problem && <p className="run-help">Reading the messages…</p>}
      {call && (
        <CallLines
          call={call}
          colors={colors}
          runId={runId}
          numbers={numbers}
          onlyHere={onlyHere}
          onlyHereNote="not in the replay"
          label={`Messages the original call of ${nodeId} sent`}
        />
      )}
      <Reply text={llm.reply} />
      {node.error && <p className="run-call-error">{errorInWords(node.error)}</p>}
      <Usage usage={llm.usage} latencyMs={llm.latencyMs} />
    </section>
  );
}

/** One replay: what it sent (from the memory as it stood at the call), and its reply. */
export function ReplaySide({
  entry,
  call,
  onlyHere,
  colors,
  numbers,
  runId,
  nodeId,
  hasMemory,
  onKeyless,
}: SideBase & {
  entry: ReplayEntry;
  hasMemory: boolean;
  call: CallMessages | null;
  onKeyless(entry: ReplayEntry, keyless: readonly KeyDestination[]): void;
}) {
  const { settings, prepared, error } = entry;
  const tokens = prepared?.call.tokens;
  const destinations = error?.kind === "key-not-approved" ? error.destinations : undefined;
  return (
    <section className="replay-side is-replay" aria-label={`Replay ${entry.number}`}>
      <h3 className="replay-side-title">
        Replay {entry.number}{" "}
        {entry.status === "running" || entry.status === "preparing" ? (
          <span className="run-status is-running">replying…</span>
        ) : entry.status === "ok" ? null : (
          <span className={`run-status is-${entry.status}`}>
            {entry.status === "aborted" ? "stopped" : "failed"}
          </span>
        )}
      </h3>
      <p className="run-meta">
        {settingsLine({
          provider: settings.provider,
          model: settings.model,
          memory: hasMemory
            ? {
                windowSize: settings.windowSize,
                windowTokens: settings.windowTokens,
                mode: settings.mode,
              }
            : null,
          systemPrompt: settings.systemPrompt.trim() !== "",
          ...(hasMemory && { summary: summaryWords(settings.summary) }),
        })}
      </p>
      {tokens && (
        <p className="run-help">
          Sends {tokens.total.toLocaleString("en")} tokens ({counterWords(tokens)}).
        </p>
      )}
      {prepared && (
        <>
          {dropped(prepared.call.dropped.count, prepared.call.tokens.droppedByBudget) && (
            <p className="run-help">
              {dropped(prepared.call.dropped.count, prepared.call.tokens.droppedByBudget)}
            </p>
          )}
          {prepared.contextWarning && <p className="run-call-warning">{prepared.contextWarning}</p>}
        </>
      )}
      {prepared?.summaryCall && <SummaryCallDetails summary={prepared.summaryCall} replay />}
      {call && (
        <CallLines
          call={call}
          colors={colors}
          runId={runId}
          numbers={numbers}
          onlyHere={onlyHere}
          onlyHereNote="not in the original"
          label={`Messages replay ${entry.number} of ${nodeId} sent`}
        />
      )}
      <Reply text={entry.reply === "" && entry.status !== "ok" ? undefined : entry.reply} />
      {error && (
        <div className="run-call-error" role="alert">
          {errorInWords(error)}
          {destinations && destinations.length > 0 && (
            <p>
              <button
                type="button"
                className="secondary"
                onClick={() => onKeyless(entry, destinations)}
              >
                Replay once without the key
              </button>
            </p>
          )}
        </div>
      )}
      <Usage usage={entry.usage} latencyMs={entry.latencyMs} />
    </section>
  );
}

function Reply({ text }: { text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <div className="run-call-reply">
      <span className="run-label">Reply</span>
      <p className="call-text">
        <LongText text={text} />
      </p>
    </div>
  );
}

function Usage({
  usage,
  latencyMs,
}: {
  usage: { inputTokens?: number; outputTokens?: number } | undefined;
  latencyMs: number | undefined;
}) {
  if (!usage && latencyMs === undefined) return null;
  return (
    <p className="run-meta">
      {usage && `${usage.inputTokens ?? "?"} tokens in / ${usage.outputTokens ?? "?"} out`}
      {usage && latencyMs !== undefined && " · "}
      {latencyMs !== undefined && formatDuration(latencyMs)}
    </p>
  );
}
