import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { FlowId } from "../../engine/ids";
import type { StarterFlowId } from "../../engine/starterFlows";
import { useFlowStore } from "../../store/flowStore";
import { useStudio, useStudioApi } from "../../store/studioStore";
import { ImportDialog } from "../importExport/ImportDialog";
import { FlowFileActions } from "./FlowFileActions";
import { FlowList } from "./FlowList";
import type { FlowRowActions } from "./FlowRow";
import { focusFirst, trapTab } from "./focusTrap";
import { TemplatePicker } from "./TemplatePicker";
import { usePendingAction } from "./usePendingAction";
import "./flows.css";

/**
 * The header's flow switcher: the open flow's name, opening a panel to open, create, rename,
 * duplicate, delete, export or import flows. Switching flows is refused during a run, so the
 * panel says so. It also hosts the import dialog, whether the file came from its Import button
 * or was dropped on the canvas.
 */
export function FlowMenu() {
  const name = useFlowStore((s) => s.flow?.name);
  const currentId = useFlowStore((s) => s.flowId);
  const flows = useStudio((s) => s.flows);
  const running = useStudio((s) => s.running !== null);
  const [open, setOpen] = useState(false);
  const [choosingTemplate, setChoosingTemplate] = useState(false);
  const { attempt, busy, problem, clearProblem } = usePendingAction();
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();
  const templatesId = useId();

  useEffect(() => {
    if (open) focusFirst(panelRef.current);
  }, [open]);

  // A click elsewhere closes the panel and leaves focus where the user clicked.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && rootRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const show = () => {
    setChoosingTemplate(false);
    clearProblem();
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    triggerRef.current?.focus();
  };

  const studio = useStudioApi().getState;
  // Actions that open another flow close the panel: the trigger then names the flow now open.
  const actions: FlowRowActions = {
    open: async (id) => {
      if (await attempt("open the flow", () => studio().openFlow(id))) close();
    },
    rename: (id, newName) => attempt("rename the flow", () => studio().renameFlow(id, newName)),
    duplicate: async (id) => {
      if (await attempt("duplicate the flow", () => studio().duplicateFlow(id))) close();
    },
    delete: async (id: FlowId) => {
      // The deleted row's buttons are going away: keep focus inside the panel.
      focusFirst(panelRef.current);
      await attempt("delete the flow", () => studio().deleteFlow(id));
    },
  };
  const create = async (starter: StarterFlowId) => {
    if (await attempt("create the flow", () => studio().createFlow(starter))) close();
  };
  // The imported flow is open now: the trigger names it, so focus goes there.
  const onImported = close;

  const onPanelKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (panelRef.current) {
      trapTab(event, panelRef.current);
    }
  };

  return (
    <div className="flow-menu" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className="flow-menu-trigger"
        aria-label={name ? `Flows: ${name}` : "Flows"}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : show())}
      >
        <span className="flow-menu-trigger-name">{name ?? "Flows"}</span>
        <svg className="flow-menu-chevron" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-labelledby={headingId}
          aria-busy={busy}
          tabIndex={-1}
          className="flow-menu-panel"
          onKeyDown={onPanelKeyDown}
        >
          <div className="flow-menu-header">
            <h2 id={headingId}>Flows</h2>
            <button
              type="button"
              className="flow-menu-new"
              aria-expanded={choosingTemplate}
              aria-controls={choosingTemplate ? templatesId : undefined}
              disabled={running}
              onClick={() => setChoosingTemplate(!choosingTemplate)}
            >
              New flow
            </button>
          </div>
          <div className="flow-menu-body">
            {running && (
              <p className="flow-menu-hint">
                A run is in progress: stop it to open, create, duplicate, delete or import a flow.
              </p>
            )}
            {problem && (
              <p className="flow-menu-problem" role="alert">
                {problem}
              </p>
            )}
            {choosingTemplate && (
              <TemplatePicker id={templatesId} disabled={running} onChoose={create} />
            )}
            <FlowList
              flows={flows}
              currentId={currentId}
              locked={running}
              labelledBy={headingId}
              actions={actions}
            />
          </div>
          <FlowFileActions locked={running} attempt={attempt} />
        </div>
      )}
      {/* Not lazy: a lazy dialog's first reveal waited ~0.3 s on React's Suspense throttle. */}
      <ImportDialog onImported={onImported} />
    </div>
  );
}
