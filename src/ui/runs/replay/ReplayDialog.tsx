import "../../common/modalDialog.css";
import "./replay.css";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { RunId } from "../../../engine/ids";
import type { KeyDestination } from "../../../engine/provider";
import type { ReplaySettings } from "../../../engine/replayCall";
import { recordedSettings } from "../../../engine/replayCall";
import type { NodeRecord } from "../../../engine/runSnapshot";
import type { ReplayEntry } from "../../../store/replaySlice";
import { useStudio, useStudioApi } from "../../../store/studioStore";
import { asCallMessages, type CallMessages, sentLines } from "../callMessages";
import { onlyIn } from "../compareRuns";
import { useCallMessages } from "../useCallMessages";
import { ReplayForm } from "./ReplayForm";
import { OriginalSide, ReplaySide } from "./ReplaySides";

type LlmNodeRecord = NodeRecord & { llm: NonNullable<NodeRecord["llm"]> };

interface ReplayDialogProps {
  node: LlmNodeRecord;
  runId: RunId;
  runLabel: string;
  colors: ReadonlyMap<string, string>;
  numbers: ReadonlyMap<RunId, number>;
  onClose(): void;
}

const NOTHING: ReadonlySet<string> = new Set();

/**
 * Replays one recorded call with other settings and shows it beside the original: the
 * messages each sent (what the window left out greyed, a message only one of them sent
 * marked), both replies, and tokens. Replays are kept for the session, never stored as runs,
 * never written to memory (docs/memory.md, "Replaying a call"). A native modal <dialog>:
 * Escape or Close ends it, focus goes back to the button that opened it.
 */
export function ReplayDialog({
  node,
  runId,
  runLabel,
  colors,
  numbers,
  onClose,
}: ReplayDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { llm } = node;
  const recorded = useMemo(() => recordedSettings(llm), [llm]);
  const all = useStudio((s) => s.replays);
  const replays = useMemo(
    () => all.filter((r) => r.runId === runId && r.nodeId === node.nodeId),
    [all, runId, node.nodeId],
  );
  const api = useStudioApi();
  const [shownId, setShownId] = useState<string | null>(null);
  const shown = replays.find((r) => r.id === shownId) ?? replays.at(-1) ?? null;
  const running = replays.some((r) => r.status === "preparing" || r.status === "running");

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const replay = (settings: ReplaySettings, keyless?: readonly KeyDestination[]) => {
    setShownId(null);
    void api
      .getState()
      .replayCall({ runId, nodeId: node.nodeId, llm, settings, ...(keyless && { keyless }) });
  };
  const original = useCallMessages(llm, true);

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog replay-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <div className="modal-dialog-header replay-header">
        <h2 id={titleId}>
          Replay {node.nodeId} <span className="replay-header-run">of {runLabel}</span>
        </h2>
        <button type="button" className="secondary" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
      <div className="replay-body">
        <p className="run-help">
          The call again, with the memory as it stood then and the settings you choose. Nothing is
          stored and memory is not changed: replays are kept on this page until it is closed.
        </p>
        <ReplayForm
          recorded={recorded}
          hasMemory={llm.memory !== undefined}
          memoryId={llm.memory?.memoryId ?? null}
          running={running}
          onReplay={(settings) => replay(settings)}
          onStop={() => {
            for (const r of replays) api.getState().stopReplay(r.id);
          }}
        />
        {replays.length > 1 && <ReplayPicker replays={replays} shown={shown} onPick={setShownId} />}
        <Comparison
          node={node}
          runId={runId}
          colors={colors}
          numbers={numbers}
          original={original.status === "ready" ? original.call : null}
          originalProblem={original.status === "failed" ? original.message : null}
          shown={shown}
          onKeyless={(entry, keyless) => replay(entry.settings, keyless)}
        />
      </div>
    </dialog>
  );
}

function ReplayPicker({
  replays,
  shown,
  onPick,
}: {
  replays: readonly ReplayEntry[];
  shown: ReplayEntry | null;
  onPick(id: string): void;
}) {
  const id = useId();
  return (
    <div className="replay-picker">
      <label htmlFor={id}>Showing</label>
      <select id={id} value={shown?.id ?? ""} onChange={(e) => onPick(e.target.value)}>
        {replays.map((r) => (
          <option key={r.id} value={r.id}>
            Replay {r.number}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ComparisonProps {
  node: LlmNodeRecord;
  runId: RunId;
  colors: ReadonlyMap<string, string>;
  numbers: ReadonlyMap<RunId, number>;
  original: CallMessages | null;
  originalProblem: string | null;
  shown: ReplayEntry | null;
  onKeyless(entry: ReplayEntry, keyless: readonly KeyDestination[]): void;
}

/** The original call and the replay side by side (stacked on a narrow screen). */
function Comparison({
  node,
  runId,
  colors,
  numbers,
  original,
  originalProblem,
  shown,
  onKeyless,
}: ComparisonProps) {
  const replayed = useMemo(
    () => (shown?.prepared ? asCallMessages(shown.prepared.call) : null),
    [shown?.prepared],
  );
  // Marks need both sides: until both are there, nothing is marked rather than everything.
  const [originalOnly, replayOnly] =
    original && replayed
      ? [
          onlyIn(sentLines(original), sentLines(replayed)),
          onlyIn(sentLines(replayed), sentLines(original)),
        ]
      : [NOTHING, NOTHING];
  const shared = { colors, numbers, runId, nodeId: node.nodeId };
  return (
    <div className="replay-grid">
      <OriginalSide
        {...shared}
        node={node}
        call={original}
        problem={originalProblem}
        onlyHere={originalOnly}
      />
      {shown ? (
        <ReplaySide
          {...shared}
          entry={shown}
          call={replayed}
          onlyHere={replayOnly}
          hasMemory={node.llm.memory !== undefined}
          onKeyless={onKeyless}
        />
      ) : (
        <section className="replay-side" aria-label="Replay">
          <h3 className="replay-side-title">Replay</h3>
          <p className="run-help">
            Change a setting and press Replay: what it sends and its reply appear here.
          </p>
        </section>
      )}
    </div>
  );
}
