import type { Flow } from "../engine/flow";
import { notesOf } from "../engine/noteList";
import { commentText } from "./pythonLiteral";

/**
 * A flow's sticky notes (version 3) as `#` comment lines for the top of a Python export: the
 * Python has no canvas, but what the notes say about the flow still belongs with it. Each
 * line of a note's text is its own comment line, with anything that could end the comment
 * (a line or paragraph separator, a control character) made a space. No notes: no lines.
 */
export function noteCommentLines(flow: Flow): string[] {
  const notes = notesOf(flow);
  if (notes.length === 0) return [];
  const lines = ["#", "# Notes on the canvas (their Markdown, as written):"];
  for (const note of notes) {
    lines.push(`# - ${commentText(note.id)}:`);
    for (const line of note.text.split(/\r\n|\r|\n/)) {
      const text = commentText(line).trimEnd();
      lines.push(text === "" ? "#" : `#     ${text}`);
    }
  }
  return lines;
}
