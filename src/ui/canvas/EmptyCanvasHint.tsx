import "./emptyCanvasHint.css";
import { useFlowStore } from "../../store/flowStore";
import { askForTemplates } from "../flows/flowMenuRequest";

/**
 * On an empty flow, what to do first: drag a node kind in from the palette, or start from a
 * template. Lets drags and drops through to the canvas below it.
 */
export function EmptyCanvasHint() {
  const empty = useFlowStore((s) => s.flow !== null && s.flow.nodes.length === 0);
  if (!empty) return null;
  return (
    <section className="empty-canvas-hint" aria-label="This flow is empty">
      <p className="empty-canvas-title">This flow is empty</p>
      <p>
        Drag a node from the palette onto the canvas, or press one there to add it. Start with an{" "}
        <strong>Input</strong> (the chat message), an <strong>LLM</strong> and an{" "}
        <strong>Output</strong>, then connect them.
      </p>
      <button type="button" className="secondary" onClick={askForTemplates}>
        Start from a template
      </button>
    </section>
  );
}
