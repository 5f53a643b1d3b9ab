import { useStoreApi } from "@xyflow/react";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { useFlowStore } from "../../../store/flowStore";
import { useCanvasControls } from "../canvasActions";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";
import { actionState, editorAction } from "../editorActions";
import { addNodeInView } from "../paletteDrag";
import { useFocusNode } from "../useFocusNode";
import { useCanvasPopup } from "./canvasPopup";
import { filterCommands, type PaletteCommand, paletteCommands } from "./paletteCommands";

/** More lines than this are not drawn (a large flow has thousands of nodes): typing narrows. */
const SHOWN = 50;

/**
 * Ctrl/Cmd+K: a search box over the nodes to add, the nodes to go to and the editor actions,
 * in a native modal <dialog> (focus stays inside; Escape closes it). Up / Down choose a line,
 * Enter runs it; focus goes back to where it was, or to the node gone to. Loaded on first use.
 */
export function CommandPalette() {
  const closePopup = useCanvasPopup((s) => s.close);
  const ref = useRef<HTMLDialogElement>(null);
  // The modal dialog closes first: while it is open, nothing outside it can take focus back.
  const close = () => {
    ref.current?.close();
    closePopup();
  };
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const controls = useCanvasControls();
  const rf = useStoreApi<CanvasNode, CanvasEdge>();
  const focusNode = useFocusNode();
  const listId = useId();
  const headingId = useId();
  // What can be done is read once, when the palette opens; the flow cannot change meanwhile.
  const [commands] = useState(() => paletteCommands(useFlowStore.getState().flow, actionState()));
  const found = useMemo(() => filterCommands(commands, query), [commands, query]);
  const shown = found.slice(0, SHOWN);
  const current = shown[Math.min(active, shown.length - 1)];

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // The chosen line stays in view while Up and Down move through a long list.
  useEffect(() => {
    if (current)
      document.getElementById(`${listId}-${current.id}`)?.scrollIntoView({ block: "nearest" });
  }, [current, listId]);

  const run = (command: PaletteCommand | undefined) => {
    if (!command) return;
    close();
    const does = command.does;
    if (does.type === "add") addNodeInView(does.kind, rf.getState());
    else if (does.type === "action") editorAction(does.id).run(controls);
    else {
      focusNode(does.id);
      // Then on the node itself, so the keyboard carries on from there (Shift+F10, arrows).
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(does.id)}"]`)
          ?.focus({ preventScroll: true }),
      );
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = shown.length;
    if (event.key === "ArrowDown" && count > 0) setActive((active + 1) % count);
    else if (event.key === "ArrowUp" && count > 0) setActive((active - 1 + count) % count);
    else if (event.key === "Enter") run(current);
    else return;
    event.preventDefault();
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click is the mouse's Escape (onCancel)
    <dialog
      ref={ref}
      className="command-palette"
      aria-labelledby={headingId}
      // Escape: the popup store closes it and puts focus back (the dialog would guess).
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog itself, outside its box) closes it.
        if (event.target === ref.current) close();
      }}
    >
      <h2 id={headingId} className="sr-only">
        Command palette
      </h2>
      <input
        type="text"
        role="combobox"
        className="command-palette-input"
        aria-label="Search nodes and actions"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        placeholder="Add a node, go to a node, or run an action…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      <div id={listId} role="listbox" aria-label="Commands" className="command-palette-list">
        {shown.map((command) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard chooses through the search box (aria-activedescendant)
          <div
            key={command.id}
            id={`${listId}-${command.id}`}
            role="option"
            tabIndex={-1}
            aria-selected={command === current}
            className="command-palette-option"
            onClick={() => run(command)}
          >
            <span>{command.label}</span>
            {command.hint && <span className="command-palette-hint">{command.hint}</span>}
          </div>
        ))}
      </div>
      <p className="command-palette-note" aria-live="polite">
        {found.length === 0
          ? `Nothing matches "${query}".`
          : found.length > SHOWN
            ? `${found.length - SHOWN} more: type to narrow.`
            : ""}
      </p>
    </dialog>
  );
}
