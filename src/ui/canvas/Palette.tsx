import { useStoreApi } from "@xyflow/react";
import { type DragEvent, useId, useState } from "react";
import type { NodeKind } from "../../engine/flow";
import { NODE_KINDS } from "../../engine/nodeKinds";
import { useFlowStore } from "../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { addNodeInView, NODE_DRAG_TYPE } from "./paletteDrag";

const KINDS: { kind: NodeKind; hint: string }[] = [
  { kind: "input", hint: "the chat message" },
  { kind: "llm", hint: "a model call, with memory" },
  { kind: "template", hint: "text from {{other}} nodes" },
  { kind: "output", hint: "what the chat shows" },
];

const onDragStart = (kind: NodeKind) => (event: DragEvent<HTMLButtonElement>) => {
  event.dataTransfer.setData(NODE_DRAG_TYPE, kind);
  event.dataTransfer.effectAllowed = "copy";
};

/**
 * The node kinds: drag one onto the canvas to add it where it is dropped, or press one
 * (click, Enter, Space) to add it in the middle of what the canvas shows.
 */
export function Palette() {
  const hasFlow = useFlowStore((s) => s.flow !== null);
  // A flow has one Input node, the chat message: once it has one, there is nothing to add.
  const inputPresent = useFlowStore((s) => s.flow?.nodes.some((n) => n.type === "input") ?? false);
  const store = useStoreApi<CanvasNode, CanvasEdge>();
  const [status, setStatus] = useState("");
  const idPrefix = useId();

  const addAtCentre = (kind: NodeKind) => {
    const id = addNodeInView(kind, store.getState());
    setStatus(id ? `Added ${NODE_KINDS[kind].label} node ${id}.` : "");
  };

  return (
    <fieldset className="palette">
      <legend className="sr-only">Add nodes</legend>
      {KINDS.map(({ kind, hint }) => {
        const label = NODE_KINDS[kind].label;
        const unavailable = !hasFlow || (kind === "input" && inputPresent);
        return (
          <button
            key={kind}
            type="button"
            className={`palette-item palette-${kind}`}
            draggable={!unavailable}
            disabled={unavailable}
            aria-describedby={`${idPrefix}-${kind}`}
            title={
              kind === "input" && inputPresent
                ? "This flow has its Input node: the chat message has one node, {{input}}"
                : "Drag onto the canvas, or press to add in the middle"
            }
            onDragStart={onDragStart(kind)}
            onClick={() => addAtCentre(kind)}
          >
            <span className="palette-dot" aria-hidden="true" />
            {/* Named "Add LLM node" by its text, so the visible "LLM" is part of the name. */}
            <span className="palette-label">
              <span className="sr-only">Add </span>
              {label}
              <span className="sr-only"> node</span>
            </span>
            <span className="palette-hint" id={`${idPrefix}-${kind}`} aria-hidden="true">
              {kind === "input" && inputPresent ? `${hint} (in this flow)` : hint}
            </span>
          </button>
        );
      })}
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
    </fieldset>
  );
}
