import { describe, expect, it } from "vitest";
import { nodeId, flowId as toFlowId } from "../engine/ids";
import { STARTER_FLOWS } from "../engine/starterFlows";
import { addNote, newNote, updateNote } from "../engine/stickyNotes";
import { createFlowStore } from "./flowStore";

function openStore() {
  let now = 0;
  const store = createFlowStore({ now: () => now });
  store.getState().open(toFlowId("f"), STARTER_FLOWS.chatWithMemory.build());
  const tick = (ms: number) => {
    now += ms;
  };
  return { store, tick };
}

describe("sticky notes in the editor store", () => {
  it("typing in a note is one undo step; undo and redo bring its text back", () => {
    const { store, tick } = openStore();
    const s = () => store.getState();
    s().apply((f) => ({ ok: true, flow: addNote(f, newNote(f, { x: 0, y: 0 })) }));
    const id = s().flow?.notes?.[0]?.id;
    if (!id) throw new Error("no note");
    for (const text of ["H", "Hi", "Hi!"]) {
      tick(100);
      s().applyTyping(`note:${id}:text`, (f) => ({ ok: true, flow: updateNote(f, id, { text }) }));
    }
    expect(s().flow?.notes?.[0]?.text).toBe("Hi!");
    store.history.undo();
    expect(s().flow?.notes?.[0]?.text).toBe("");
    store.history.undo();
    expect(s().flow?.notes).toBeUndefined();
    store.history.redo();
    store.history.redo();
    expect(s().flow?.notes?.[0]?.text).toBe("Hi!");
  });

  it("copies, pastes and duplicates a selection of nodes and notes together", () => {
    const { store } = openStore();
    const s = () => store.getState();
    s().apply((f) => ({ ok: true, flow: addNote(f, newNote(f, { x: 0, y: 0 }, "**a**")) }));
    const id = s().flow?.notes?.[0]?.id;
    if (!id) throw new Error("no note");
    s().select([nodeId("chat_llm")]);
    s().selectNotes([id]);
    s().copySelection();
    s().paste();
    expect(s().flow?.notes?.map((n) => [n.id, n.text, n.position])).toEqual([
      ["note", "**a**", { x: 0, y: 0 }],
      ["note_2", "**a**", { x: 40, y: 40 }],
    ]);
    expect(s().selectedNotes).toEqual(["note_2"]);
    expect(s().selection).toHaveLength(1);
    s().duplicateSelection();
    expect(s().flow?.notes).toHaveLength(3);
    // One undo takes the whole duplicate back, nodes and notes.
    store.history.undo();
    expect(s().flow?.notes).toHaveLength(2);
  });
});
