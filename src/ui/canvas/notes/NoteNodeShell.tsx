import type { NodeProps } from "@xyflow/react";
import { lazy, Suspense } from "react";
import type { NoteCanvasNode } from "../canvasNodeData";
import "./notes.css";

// The note's editor, resizer and Markdown load with the first note drawn, not with the page.
const NoteNode = lazy(() => import("./NoteNode"));

/** A sticky note on the canvas: its text as plain text until the note's own code is here. */
export function NoteNodeShell(props: NodeProps<NoteCanvasNode>) {
  return (
    <Suspense
      fallback={
        <div className={`canvas-note canvas-note-${props.data.color}`}>
          <div className="canvas-note-body">{props.data.text.slice(0, 2_000)}</div>
        </div>
      }
    >
      <NoteNode {...props} />
    </Suspense>
  );
}
