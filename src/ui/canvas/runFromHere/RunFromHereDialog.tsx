import "../../common/confirmDialog.css";
import "./runFromHere.css";
import {
  type FormEvent,
  type KeyboardEvent,
  type SyntheticEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type { NodeId, RunId } from "../../../engine/ids";
import { nodeMemory, writesMemory } from "../../../engine/memorySettings";
import { valuesReadBy } from "../../../engine/runFromHere";
import { useFlowStore } from "../../../store/flowStore";
import { useStudio, useStudioApi } from "../../../store/studioStore";
import { trapTab } from "../../flows/focusTrap";
import { lastRunValues, memoryNote } from "./runFromHereDefaults";

interface Props {
  nodeId: string;
  onClose(): void;
}

type Outcome =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; runId: RunId }
  | { kind: "refused"; message: string };

/**
 * Runs one node alone (docs/ui.md, "Run from here"): the values it reads, filled from the
 * open conversation's last run and editable, and whether to write to memory. A modal dialog:
 * the rest of the page is inert while it is open, Escape closes it.
 */
export default function RunFromHereDialog({ nodeId, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const node = useFlowStore((s) => s.flow?.nodes.find((n) => n.id === nodeId));
  const flow = useFlowStore((s) => s.flow);
  const studio = useStudioApi();
  const conversationId = useStudio((s) => s.conversationId);
  const headRunId = useStudio((s) => s.headRunId);
  const runs = useStudio((s) => s.runs);
  const last = runs.find((r) => r.id === headRunId);
  // The form starts from the run on screen when it opened, not from runs made since.
  const [initial] = useState(() =>
    node && flow ? lastRunValues(valuesReadBy(flow, node), last) : [],
  );
  const [values, setValues] = useState(() => initial.map((v) => v.value));
  const settings = node?.type === "llm" ? nodeMemory(node) : null;
  const memoryId = settings?.memoryId ?? null;
  const canWrite = settings !== null && memoryId !== null && writesMemory(settings);
  const [writes, setWrites] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    returnTo.current = document.activeElement;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (returnTo.current instanceof HTMLElement && returnTo.current.isConnected)
        returnTo.current.focus();
    };
  }, []);

  const close = () => {
    dialogRef.current?.close();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (dialogRef.current) trapTab(event, dialogRef.current);
  };
  const onNativeCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    close();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (outcome.kind === "running" || !node) return;
    setOutcome({ kind: "running" });
    const edited = initial.some((v, i) => !v.fromLastRun || values[i] !== v.value);
    const result = await studio.getState().runFromHere({
      nodeId: node.id as NodeId,
      values: Object.fromEntries(initial.map((v, i) => [v.ref, values[i] ?? ""])),
      source: edited ? "typed" : "last-run",
      writesMemory: canWrite && writes,
    });
    setOutcome(
      result.ok
        ? { kind: "done", runId: result.runId }
        : { kind: "refused", message: result.message },
    );
  };

  const showInRuns = (runId: RunId) => {
    const state = studio.getState();
    state.inspectRun(runId);
    state.setSideTab("runs");
    close();
  };

  const result = outcome.kind === "done" ? runs.find((r) => r.id === outcome.runId) : undefined;
  const record = result?.nodes.find((n) => n.nodeId === nodeId);
  const noConversation = conversationId === null || !last;
  const note = useMemo(() => memoryNote(memoryId, canWrite, writes), [memoryId, canWrite, writes]);

  return (
    <dialog
      ref={dialogRef}
      aria-modal="true"
      aria-labelledby={titleId}
      className="confirm-dialog run-from-here"
      onKeyDown={onKeyDown}
      onCancel={onNativeCancel}
    >
      <form onSubmit={submit}>
        <h2 id={titleId}>Run {nodeId} from here</h2>
        {!node ? (
          <p role="alert">This node is no longer in the flow.</p>
        ) : (
          <>
            <p className="run-from-here-help">
              Runs this node alone, a real call recorded as a run. Its inputs come from the last
              run; change them to try others.
            </p>
            {noConversation && (
              <p className="run-from-here-problem" role="alert">
                Send a message first: a run from here is recorded in the open conversation.
              </p>
            )}
            {initial.map((v, i) => (
              <label key={v.ref} className="run-from-here-field">
                <span>
                  {`{{${v.ref}}}`}{" "}
                  <small>
                    {v.fromLastRun ? "from the last run" : "not in the last run: type it"}
                  </small>
                </span>
                <textarea
                  rows={3}
                  value={values[i]}
                  onChange={(e) =>
                    setValues((old) => old.map((x, j) => (j === i ? e.target.value : x)))
                  }
                />
              </label>
            ))}
            {canWrite && (
              <label className="run-from-here-check">
                <input
                  type="checkbox"
                  checked={writes}
                  onChange={(e) => setWrites(e.target.checked)}
                />
                Write to memory
              </label>
            )}
            <p className="run-from-here-help">{note}</p>
            <div aria-live="polite" className="run-from-here-outcome">
              {outcome.kind === "running" && <p>Running…</p>}
              {outcome.kind === "refused" && (
                <p className="run-from-here-problem" role="alert">
                  {outcome.message}
                </p>
              )}
              {outcome.kind === "done" && record && (
                <p className={record.status === "ok" ? "" : "run-from-here-problem"}>
                  {record.status === "ok"
                    ? `Done: ${(record.output ?? "").slice(0, 300)}`
                    : `Failed: ${record.error?.message ?? record.status}`}
                </p>
              )}
            </div>
          </>
        )}
        <div className="confirm-actions">
          {outcome.kind === "done" && (
            <button type="button" className="secondary" onClick={() => showInRuns(outcome.runId)}>
              Show in Runs
            </button>
          )}
          {outcome.kind === "running" ? (
            <button type="button" className="stop" onClick={() => studio.getState().stop()}>
              Stop
            </button>
          ) : (
            <button type="button" className="secondary" onClick={close}>
              Close
            </button>
          )}
          <button type="submit" disabled={!node || noConversation || outcome.kind === "running"}>
            {outcome.kind === "done" ? "Run again" : "Run"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
