import { type NodeProps, NodeResizer } from "@xyflow/react";
import { type FocusEvent, type KeyboardEvent, memo, useEffect, useRef, useState } from "react";
import type { NoteId } from "../../../engine/ids";
import {
  NOTE_COLORS,
  NOTE_HEIGHT,
  NOTE_TEXT_MAX,
  NOTE_WIDTH,
  type NoteColor,
  updateNote,
} from "../../../engine/stickyNotes";
import { useFlowStore } from "../../../store/flowStore";
import type { NoteCanvasNode } from "../canvasNodeData";
import { NoteMarkdown } from "./NoteMarkdown";
import { takeNoteEdit } from "./noteEditing";
import "./notes.css";

/** Alt+Arrow resizes the focused note by this much (one canvas grid step, twice). */
const KEY_RESIZE_STEP = 40;

const RESIZE_KEYS: Record<string, { width: number; height: number }> = {
  ArrowRight: { width: KEY_RESIZE_STEP, height: 0 },
  ArrowLeft: { width: -KEY_RESIZE_STEP, height: 0 },
  ArrowDown: { width: 0, height: KEY_RESIZE_STEP },
  ArrowUp: { width: 0, height: -KEY_RESIZE_STEP },
};

const store = () => useFlowStore.getState();

/**
 * A sticky note: its Markdown, formatted by the chat's safe pipeline (no HTML runs, bounded
 * size). Double-click, or Enter on the focused note, opens it for typing; Escape or
 * Ctrl/Cmd+Enter closes it. Selected, it shows React Flow's resize handles; Alt+Arrow keys
 * resize it from the keyboard. Not a node of the flow: no handles, never run.
 */
function NoteNode({ data, selected }: NodeProps<NoteCanvasNode>) {
  const noteId = data.noteId as NoteId;
  const [editing, setEditing] = useState(() => takeNoteEdit(noteId));
  const rootRef = useRef<HTMLDivElement>(null);

  const wrapper = () => rootRef.current?.closest<HTMLElement>(".react-flow__node") ?? null;

  // The focused note is React Flow's node wrapper, outside this component: listen there.
  useEffect(() => {
    const element = rootRef.current?.closest<HTMLElement>(".react-flow__node");
    if (!element) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.target !== element || event.ctrlKey || event.metaKey) return;
      if (event.key === "Enter" && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        // Before React Flow's own Enter, which would toggle the selection.
        event.stopPropagation();
        setEditing(true);
        return;
      }
      const grow = event.altKey ? RESIZE_KEYS[event.key] : undefined;
      if (!grow) return;
      event.preventDefault();
      event.stopPropagation();
      const note = store().flow?.notes?.find((n) => n.id === noteId);
      if (!note) return;
      const size = { width: note.width + grow.width, height: note.height + grow.height };
      store().apply((flow) => ({ ok: true, flow: updateNote(flow, noteId, size) }));
    };
    element.addEventListener("keydown", onKey);
    return () => element.removeEventListener("keydown", onKey);
  }, [noteId]);

  const finish = (refocus: boolean) => {
    setEditing(false);
    if (refocus) wrapper()?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keyboard path is Enter on the focused note (above)
    <div
      ref={rootRef}
      className={`canvas-note canvas-note-${data.color}${editing ? " is-editing" : ""}`}
      onDoubleClick={() => setEditing(true)}
    >
      <NodeResizer
        isVisible={selected && !editing}
        minWidth={NOTE_WIDTH.min}
        minHeight={NOTE_HEIGHT.min}
        maxWidth={NOTE_WIDTH.max}
        maxHeight={NOTE_HEIGHT.max}
        handleClassName="canvas-note-handle"
        lineClassName="canvas-note-line"
      />
      {editing ? (
        <NoteEditor noteId={noteId} text={data.text} color={data.color} onDone={finish} />
      ) : (
        <div
          className="canvas-note-body nowheel"
          // Scrollable when the text is longer than the note: focusable, so keys scroll it.
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus
          tabIndex={0}
          role="document"
          aria-label={`Text of note ${noteId}`}
        >
          {data.text.trim() === "" ? (
            <p className="canvas-note-empty">Empty note: double-click or press Enter to write.</p>
          ) : (
            <NoteMarkdown text={data.text} />
          )}
        </div>
      )}
    </div>
  );
}

interface NoteEditorProps {
  noteId: NoteId;
  text: string;
  color: NoteColor;
  onDone(refocus: boolean): void;
}

/** The note open for typing: its Markdown source and its colour. Every keystroke is saved. */
function NoteEditor({ noteId, text, color, onDone }: NoteEditorProps) {
  // Typed text is shown from here: the flow's copy reaches the note a render later, and a
  // textarea fed from it would lose the cursor.
  const [draft, setDraft] = useState(text);
  const formRef = useRef<HTMLFieldSetElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const input = inputRef.current;
    input?.focus();
    input?.setSelectionRange(input.value.length, input.value.length);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" || (event.key === "Enter" && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      event.stopPropagation();
      onDone(true);
    }
  };
  // Leaving the note (not to its colour picker) closes it.
  const onBlur = (event: FocusEvent) => {
    if (!formRef.current?.contains(event.relatedTarget as Node | null)) onDone(false);
  };

  return (
    <fieldset
      ref={formRef}
      aria-label={`Editing note ${noteId}`}
      className="canvas-note-editor"
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <textarea
        ref={inputRef}
        className="canvas-note-input nodrag nowheel nopan"
        aria-label={`Text of note ${noteId} (Markdown; Escape to finish)`}
        value={draft}
        maxLength={NOTE_TEXT_MAX}
        onChange={(event) => {
          setDraft(event.target.value);
          const text = event.target.value;
          store().applyTyping(`note:${noteId}:text`, (flow) => ({
            ok: true,
            flow: updateNote(flow, noteId, { text }),
          }));
        }}
      />
      <div className="canvas-note-tools nodrag">
        <select
          aria-label="Note colour"
          value={color}
          onChange={(event) => {
            const value = event.target.value as NoteColor;
            // Yellow is what no colour means: the file stays without the field.
            const patch = { color: value === "yellow" ? undefined : value };
            store().apply((flow) => ({ ok: true, flow: updateNote(flow, noteId, patch) }));
          }}
        >
          {NOTE_COLORS.map((c) => (
            <option key={c} value={c}>
              {c[0]?.toUpperCase()}
              {c.slice(1)}
            </option>
          ))}
        </select>
        <span className="canvas-note-count" aria-live="off">
          {draft.length.toLocaleString("en")} / {NOTE_TEXT_MAX.toLocaleString("en")}
        </span>
        <button type="button" onClick={() => onDone(true)}>
          Done
        </button>
      </div>
    </fieldset>
  );
}

export default memo(NoteNode);
