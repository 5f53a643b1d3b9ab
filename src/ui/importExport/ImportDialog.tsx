import { type KeyboardEvent, type SyntheticEvent, useEffect, useId, useRef } from "react";
import { useStudio, useStudioApi } from "../../store/studioStore";
import { trapTab } from "../flows/focusTrap";
import { BackupPreview } from "./BackupPreview";
import { ImportPreview } from "./ImportPreview";
import { ImportRefusal } from "./ImportRefusal";
import { useFlowImport } from "./importStore";
import type { FlowImport } from "./readImportFile";
import "./importExport.css";
import "../common/confirmDialog.css";

export interface ImportDialogProps {
  /** The flow was imported and is open now: the host moves focus somewhere that names it. */
  onImported(): void;
  /** Closed without importing, and what had focus before is gone (the Flows panel closed). */
  onDismissed?(): void;
}

/**
 * The import dialog, whenever a file is being imported (picked in the Flows menu or dropped on
 * the canvas): a preview to confirm, or the reasons it cannot be imported. Nothing is saved
 * before Import is pressed.
 */
export function ImportDialog({ onImported, onDismissed }: ImportDialogProps) {
  const current = useFlowImport((s) => s.current);
  if (!current) return null;
  // A fresh dialog per file: it opens, takes focus and gives it back on its own.
  return (
    <ImportDialogView
      key={`${current.kind}:${current.fileName}`}
      importing={current}
      onImported={onImported}
      {...(onDismissed && { onDismissed })}
    />
  );
}

function ImportDialogView({
  importing,
  onImported,
  onDismissed,
}: ImportDialogProps & { importing: FlowImport }) {
  const busy = useFlowImport((s) => s.busy);
  const problem = useFlowImport((s) => s.problem);
  const running = useStudio((s) => s.running !== null);
  const flows = useStudio((s) => s.flows);
  const studio = useStudioApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    // Read before showModal moves focus into the dialog.
    returnFocus.current = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    primaryRef.current?.focus();
    return () => dialog?.close();
  }, []);

  const dismiss = () => {
    // Closed before focus moves: focus cannot land behind a modal dialog that is still open.
    dialogRef.current?.close();
    useFlowImport.getState().dismiss();
    const target = returnFocus.current;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
    else onDismissed?.();
  };
  const confirm = async () => {
    if (await useFlowImport.getState().confirm(studio.getState())) onImported();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Handled here so the menu and the canvas shortcuts around this dialog do not react too.
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      if (!busy) dismiss();
    } else if (dialogRef.current) {
      trapTab(event, dialogRef.current);
    }
  };
  // Other close requests (a phone's back gesture, say) arrive as "cancel" events.
  const onNativeCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    if (!busy) dismiss();
  };

  const preview = importing.kind === "preview" ? importing : null;
  const backup = importing.kind === "backup" ? importing : null;
  const title = preview
    ? `Import ${preview.summary.name}`
    : backup
      ? "Restore backup"
      : `Cannot import ${importing.fileName}`;

  return (
    <dialog
      ref={dialogRef}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-busy={busy}
      className="confirm-dialog import-dialog"
      onKeyDown={onKeyDown}
      onCancel={onNativeCancel}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="import-body">
        {preview && (
          <ImportPreview
            preview={preview}
            nameTaken={flows.some((f) => f.name === preview.summary.name)}
          />
        )}
        {backup && <BackupPreview preview={backup} />}
        {importing.kind === "refused" && <ImportRefusal errors={importing.errors} />}
        {(preview || backup) && running && (
          <p className="import-hint">
            A run is in progress: stop it to {backup ? "restore this backup" : "import this flow"}.
          </p>
        )}
        {problem && (
          <p className="import-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="confirm-actions">
        {preview || backup ? (
          <>
            <button type="button" className="secondary" onClick={dismiss} disabled={busy}>
              Cancel
            </button>
            <button
              ref={primaryRef}
              type="button"
              onClick={() => void confirm()}
              disabled={busy || running}
            >
              {backup ? "Restore" : "Import"}
            </button>
          </>
        ) : (
          <button ref={primaryRef} type="button" onClick={dismiss}>
            Close
          </button>
        )}
      </div>
    </dialog>
  );
}
