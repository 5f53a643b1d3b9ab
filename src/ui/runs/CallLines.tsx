import type { CSSProperties } from "react";
import type { RunId } from "../../engine/ids";
import { LongText } from "../common/LongText";
import type { CallLine, CallMessages } from "./callMessages";

interface CallLinesProps {
  call: CallMessages;
  /** Memory id → colour, as on the canvas. */
  colors: ReadonlyMap<string, string>;
  /** The run the call belongs to: its own messages say "this run" instead of a number. */
  runId: RunId;
  numbers: ReadonlyMap<RunId, number>;
  /** Keys of lines the other run's call did not receive (compare view), and how to say it. */
  onlyHere?: ReadonlySet<string>;
  onlyHereNote?: string;
  label: string;
}

/**
 * A call's messages in order, each tagged with where it came from: the system prompt, a
 * memory (in its colour, with who wrote it), or this run. Messages the window dropped come
 * first, greyed and marked as not sent.
 */
export function CallLines({
  call,
  colors,
  runId,
  numbers,
  onlyHere,
  onlyHereNote = "only in this run",
  label,
}: CallLinesProps) {
  // The summary is sent with the system prompt, before any memory message (summary memory);
  // pinned messages right after them, before the window.
  const leading = (l: CallLine) => l.source === "system" || l.source === "summary";
  const system = call.lines.filter(leading);
  const pinned = call.lines.filter((l) => !leading(l) && l.pinned);
  const rest = call.lines.filter((l) => !leading(l) && !l.pinned);
  const line = (l: CallLine) => (
    <Line
      key={l.key}
      line={l}
      color={l.memoryId ? colors.get(l.memoryId) : undefined}
      origin={originOf(l, runId, numbers)}
      onlyHere={onlyHere?.has(l.key) ? onlyHereNote : null}
    />
  );
  return (
    <ol className="call-lines" aria-label={label}>
      {system.map(line)}
      {pinned.map(line)}
      {call.earlier > 0 && (
        <li className="call-earlier">
          and {call.earlier} earlier message{call.earlier === 1 ? "" : "s"}, not sent
        </li>
      )}
      {rest.map(line)}
    </ol>
  );
}

function originOf(line: CallLine, runId: RunId, numbers: ReadonlyMap<RunId, number>) {
  const m = line.message;
  if (!m) return null;
  const when = m.runId === runId ? "earlier in this run" : `run ${numbers.get(m.runId) ?? "?"}`;
  return `by ${m.nodeId}, ${when}`;
}

const TAGS: Record<CallLine["source"], string> = {
  memory: "memory",
  summary: "summary of memory",
  system: "system",
  run: "this run",
};
const tagOf = (line: CallLine) =>
  line.memoryId
    ? `${line.shared ? "shared " : ""}${TAGS[line.source]} ${line.memoryId}`
    : TAGS[line.source];

interface LineProps {
  line: CallLine;
  color: string | undefined;
  origin: string | null;
  /** Shown when the other run's call did not receive this message. */
  onlyHere: string | null;
}

function Line({ line, color, origin, onlyHere }: LineProps) {
  const classes = ["call-line", `call-line-${line.source}`];
  if (line.dropped) classes.push("is-dropped");
  if (onlyHere) classes.push("is-only-here");
  return (
    <li
      className={classes.join(" ")}
      style={color ? ({ "--memory-color": color } as CSSProperties) : undefined}
    >
      <span className="call-line-head">
        {/* The tag of a system prompt says "system" already. */}
        {line.source !== "system" && <span className="call-role">{line.role}</span>}
        <span
          className="call-tag"
          title={
            line.shared
              ? `${tagOf(line)}: one log for every conversation of this flow`
              : tagOf(line)
          }
        >
          {line.memoryId && <span className="call-swatch" aria-hidden="true" />}
          <span className="call-tag-text">{tagOf(line)}</span>
        </span>
        {line.pinned && <span className="call-note call-note-pinned">pinned</span>}
        {line.dropped && (
          <span className="call-note">
            {line.overBudget ? "over the token budget: not sent" : "dropped: not sent"}
          </span>
        )}
        {onlyHere && <span className="call-note call-note-diff">{onlyHere}</span>}
      </span>
      <span className="call-text">
        <LongText text={line.content} />
      </span>
      {origin && <span className="call-origin">{origin}</span>}
    </li>
  );
}
