import "./emptyCanvasHint.css";
import { askForTemplates } from "../flows/flowMenuRequest";

/**
 * On an empty flow, what to do first: drag a node kind in from the palette, or start from a
 * template. Lets drags and drops through to the canvas below it. Loaded when a flow is empty
 * (FlowCanvas.tsx), not with the first page.
 */
export default function EmptyCanvasHint() {
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
