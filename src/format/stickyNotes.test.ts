import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NOTE_TEXT_MAX } from "../engine/stickyNotes";
import { exportTimbalPython } from "./exportTimbalPython";
import { readFlowFile } from "./readFlowFile";
import { writeFlowFile } from "./writeFlowFile";

const BASE = JSON.parse(
  readFileSync(
    join(import.meta.dirname, "../../test/fixtures/flows/chat-with-memory.flow.json"),
    "utf8",
  ),
);
const note = (extra: Record<string, unknown> = {}) => ({
  id: "note",
  text: "# Plan\n\n- **ask** the name",
  position: { x: 0, y: 200 },
  width: 240,
  height: 160,
  ...extra,
});
const read = (notes: unknown) => readFlowFile(JSON.stringify({ ...BASE, notes }));
const errors = (notes: unknown) => {
  const result = read(notes);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};

describe("sticky notes in a flow file (version 3)", () => {
  it("reads and writes them back byte for byte, never as nodes", () => {
    const result = read([note({ color: "pink", mine: { kept: true } })]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.flow.notes).toEqual([note({ color: "pink", mine: { kept: true } })]);
    expect(result.flow.nodes.map((n) => n.id)).toEqual(["input", "chat_llm", "output"]);
    const text = writeFlowFile(result.flow);
    expect(writeFlowFile((readFlowFile(text) as { flow: typeof result.flow }).flow)).toBe(text);
  });

  it("refuses text over the cap, sizes out of bounds, an unknown colour and repeated ids", () => {
    expect(errors([note({ text: "x".repeat(NOTE_TEXT_MAX + 1) })])).toEqual([
      "notes[0].text: must be text of at most 10,000 characters",
    ]);
    expect(read([note({ text: "x".repeat(NOTE_TEXT_MAX) })]).ok).toBe(true);
    expect(errors([note({ width: 119, height: 1201 })])).toEqual([
      "notes[0].width: must be a number from 120 to 1200",
      "notes[0].height: must be a number from 60 to 1200",
    ]);
    expect(errors([note({ color: "red" })])).toEqual([
      "notes[0].color: must be one of yellow, blue, green, pink, gray",
    ]);
    expect(errors([note(), note({ text: "again" })])).toEqual([
      'notes[1].id: Two notes have the id "note": note ids must be unique.',
    ]);
    expect(errors("a note")).toEqual(["notes: must be a list of at most 500 notes"]);
  });

  it("a note never reaches validation of the graph: a flow of notes alone runs as before", () => {
    // A note named like a node, with template braces, changes nothing about the graph.
    const result = read([note({ id: "chat_llm", text: "{{missing}}" })]);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it("becomes a comment in the Python export, with nothing that could end the comment", () => {
    const result = read([note({ text: "line one\nline two\r\nimport os\u2028os.system('x')" })]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const python = exportTimbalPython(result.flow);
    expect(python).toContain(
      "# Notes on the canvas (their Markdown, as written):\n# - note:\n#     line one\n#     line two\n#     import os os.system('x')\n",
    );
    // Every line of the notes is a comment.
    expect(python.split("\n").filter((l) => l.includes("os.system"))).toEqual([
      "#     import os os.system('x')",
    ]);
  });
});
