import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { FlowId } from "../../engine/ids";
import type { FlowTemplateId } from "../../engine/starterFlows";
import { useFlowStore } from "../../store/flowStore";
import { useStudio, useStudioApi } from "../../store/studioStore";
import { FlowFileActions } from "./FlowFileActions";
import { FlowList } from "./FlowList";
import type { FlowRowActions } from "./FlowRow";
import { focusFirst, trapTab } from "./focusTrap";
import { TemplatePicker } from "./TemplatePicker";
import { usePendingAction } from "./usePendingAction";

interface FlowMenuPanelProps {
  id: string;
  /** Closes the panel and gives focus back to the trigger. */
  onClose(): void;
  /** Open on the templates (asked for by the empty canvas), their first one focused. */
  showTemplates?: boolean;
}

/**
 * The Flows menu's panel: open, create, rename, duplicate, delete, export or import flows.
 * Its own chunk, fetched when the menu first opens; each opening mounts it afresh, so a
 * problem or a half-open template list from last time is gone.
 */
export function FlowMenuPanel({ id, onClose, showTemplates = false }: FlowMenuPanelProps) {
  const currentId = useFlowStore((s) => s.flowId);
  const flows = useStudio((s) => s.flows);
  const running = useStudio((s) => s.running !== null);
  const [choosingTemplate, setChoosingTemplate] = useState(showTemplates);
  const { attempt, busy, problem } = usePendingAction();
  const panelRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const templatesId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: where focus starts, on opening only
  useEffect(() => {
    const panel = panelRef.current;
    focusFirst((showTemplates && panel?.querySelector<HTMLElement>(".template-picker")) || panel);
  }, []);

  const studio = useStudioApi().getState;
  // Actions that open another flow close the panel: the trigger then names the flow now open.
  const actions: FlowRowActions = {
    open: async (id) => {
      if (await attempt("open the flow", () => studio().openFlow(id))) onClose();
    },
    rename: (id, newName) => attempt("rename the flow", () => studio().renameFlow(id, newName)),
    duplicate: async (id) => {
      if (await attempt("duplicate the flow", () => studio().duplicateFlow(id))) onClose();
    },
    delete: async (id: FlowId) => {
      // The deleted row's buttons are going away: keep focus inside the panel.
      focusFirst(panelRef.current);
      await attempt("delete the flow", () => studio().deleteFlow(id));
    },
  };
  const create = async (starter: FlowTemplateId) => {
    if (await attempt("create the flow", () => studio().createFlow(starter))) onClose();
  };

  const onPanelKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    } else if (panelRef.current) {
      trapTab(event, panelRef.current);
    }
  };

  return (
    <div
      ref={panelRef}
      id={id}
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
  );
}
