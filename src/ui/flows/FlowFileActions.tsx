import { type ChangeEvent, useEffect, useId, useRef, useState } from "react";
import { useFlowStore } from "../../store/flowStore";
import { useStudio } from "../../store/studioStore";
import { preloadImport, useFlowImport } from "../importExport/importStore";

// The exports pull in the format module: loaded on the first click, not with the first page.
const loadExports = () => import("../importExport/exportFlow");

interface FlowFileActionsProps {
  /** A run is in progress: importing (which opens the new flow) waits until it ends. */
  locked: boolean;
  /** The menu's way of running an action: one at a time, a failure shown as a sentence. */
  attempt(what: string, action: () => Promise<unknown>): Promise<boolean>;
}

/**
 * The open flow as a file: export it (optionally with its conversations and memories), export
 * it as Timbal Python (the 0.x Flow builder, or a 1.x Agent where the flow fits one), or import a flow file as a new flow (previewed first, see ImportDialog).
 */
export function FlowFileActions({ locked, attempt }: FlowFileActionsProps) {
  const hasFlow = useFlowStore((s) => s.flow !== null);
  const conversationsForExport = useStudio((s) => s.conversationsForExport);
  const backupData = useStudio((s) => s.backupData);
  const [withConversations, setWithConversations] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  useEffect(preloadImport, []);

  const exportFlow = () =>
    attempt("export the flow", async () =>
      (await loadExports()).exportOpenFlow({
        includeConversations: withConversations,
        conversationsForExport,
      }),
    );
  const exportPython = () =>
    attempt("export the flow as Python", async () =>
      (await loadExports()).exportOpenFlowAsPython(),
    );
  const exportAgent = () =>
    attempt("export the flow as a Timbal Agent", async () =>
      (await loadExports()).exportOpenFlowAsTimbalAgent(),
    );
  const backUp = () =>
    attempt("back up", async () => (await loadExports()).exportBackup(backupData));
  const onFileChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (fixed in an editor, say) is a change too.
    event.target.value = "";
    if (file) void useFlowImport.getState().open(file);
  };

  return (
    <section className="flow-files" aria-labelledby={headingId}>
      <h3 id={headingId}>Flow file</h3>
      <div className="flow-files-row">
        <button
          type="button"
          className="flow-action"
          disabled={!hasFlow}
          onClick={() => void exportFlow()}
        >
          Export flow
        </button>
        <label className="flow-files-option">
          <input
            type="checkbox"
            checked={withConversations}
            onChange={(e) => setWithConversations(e.target.checked)}
          />
          Include conversations and memories
        </label>
      </div>
      <div className="flow-files-row">
        <button
          type="button"
          className="flow-action"
          disabled={!hasFlow}
          onClick={() => void exportPython()}
        >
          Export as Python
        </button>
        <button
          type="button"
          className="flow-action"
          title="Timbal 1.x: one Agent per LLM, each with its own memory"
          disabled={!hasFlow}
          onClick={() => void exportAgent()}
        >
          Export as Timbal Agent
        </button>
        <button
          type="button"
          className="flow-action"
          aria-label="Import flow"
          aria-haspopup="dialog"
          disabled={locked}
          onClick={() => fileRef.current?.click()}
        >
          Import flow…
        </button>
        {/* Hidden: the button above is its visible, named face; a file input cannot be styled. */}
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          tabIndex={-1}
          onChange={onFileChosen}
        />
      </div>
      <p className="flow-files-help">
        Files never hold API keys. You can also drop a flow file on the canvas.
      </p>
      <h3>Backup</h3>
      <div className="flow-files-row">
        <button type="button" className="flow-action" onClick={() => void backUp()}>
          Back up everything
        </button>
        <button
          type="button"
          className="flow-action"
          aria-label="Restore backup"
          aria-haspopup="dialog"
          disabled={locked}
          // The same file input as Import flow: the reader tells a backup by its marker.
          onClick={() => fileRef.current?.click()}
        >
          Restore backup…
        </button>
      </div>
      <p className="flow-files-help">
        One file with every flow, conversation, run and memory. A restore adds it beside what is
        here, replacing nothing.
      </p>
    </section>
  );
}
