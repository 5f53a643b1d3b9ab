import { useEffect, useId, useRef, useState } from "react";
import { useFlowStore } from "../../store/flowStore";
import { useLazyModule } from "../common/useLazyModule";
import { loadImportDialog, useFlowImport } from "../importExport/importStore";
import { useFlowMenuRequest } from "./flowMenuRequest";
import "./flows.css";

/** The panel's code (the flow list, templates, file actions): fetched when the menu first opens. */
const loadPanel = () => import("./FlowMenuPanel");

/**
 * The header's flow switcher: the open flow's name, opening a panel to open, create, rename,
 * duplicate, delete, export or import flows. Switching flows is refused during a run, so the
 * panel says so. It also hosts the import dialog, whether the file came from its Import button
 * or was dropped on the canvas.
 */
export function FlowMenu() {
  const name = useFlowStore((s) => s.flow?.name);
  const importing = useFlowImport((s) => s.current !== null);
  const [open, setOpen] = useState(false);
  // Opened from the empty canvas's hint: on the templates, not the list of flows.
  const templatesAsked = useFlowMenuRequest((s) => s.templates);
  const [onTemplates, setOnTemplates] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  // Both stay loaded once fetched; without Suspense, so neither waits on its reveal throttle.
  const panel = useLazyModule(loadPanel, open);
  const importDialog = useLazyModule(loadImportDialog, importing);

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

  useEffect(() => {
    if (templatesAsked === 0) return;
    setOnTemplates(true);
    setOpen(true);
  }, [templatesAsked]);

  // The import dialog takes over: the panel that asked for it does not stay open behind it.
  useEffect(() => {
    if (importing) setOpen(false);
  }, [importing]);

  const close = () => {
    setOpen(false);
    setOnTemplates(false);
    triggerRef.current?.focus();
  };
  const openOnList = () => {
    setOnTemplates(false);
    setOpen(true);
  };
  const shown = open && panel !== null;

  return (
    <div className="flow-menu" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className="flow-menu-trigger"
        aria-label={name ? `Flows: ${name}` : "Flows"}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={shown ? panelId : undefined}
        onClick={() => (open ? close() : openOnList())}
      >
        <span className="flow-menu-trigger-name">{name ?? "Flows"}</span>
        <svg className="flow-menu-chevron" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
      {shown && <panel.FlowMenuPanel id={panelId} onClose={close} showTemplates={onTemplates} />}
      {/* The imported flow is open now: the trigger names it, so focus goes there. */}
      {importDialog && (
        <importDialog.ImportDialog
          onImported={close}
          onDismissed={() => triggerRef.current?.focus()}
        />
      )}
    </div>
  );
}
