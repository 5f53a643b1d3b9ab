import { describe, expect, it } from "vitest";
import { STARTER_FLOWS } from "../../../engine/starterFlows";
import type { ActionState } from "../editorActions";
import { filterCommands, paletteCommands } from "./paletteCommands";

const idle: ActionState = {
  hasFlow: true,
  hasNodes: true,
  canUndo: false,
  canRedo: false,
  selectedNodes: 0,
  selectedEdges: 0,
  hasClipboard: false,
  textSelected: false,
};

describe("command palette", () => {
  const flow = STARTER_FLOWS.chatWithMemory.build();

  it("offers nodes to add, nodes to go to and the actions that can run now", () => {
    const labels = paletteCommands(flow, idle).map((c) => c.label);
    // The flow has its Input node: no second one to add.
    expect(labels).not.toContain("Add Input node");
    expect(labels).toContain("Add LLM node");
    expect(labels).toContain("Go to chat_llm");
    expect(labels).toContain("Auto-layout");
    // Nothing to undo, nothing selected: not offered.
    expect(labels).not.toContain("Undo");
    expect(labels).not.toContain("Duplicate the selected nodes");
    expect(labels).not.toContain("Command palette");
  });

  it("offers the selection's actions once something is selected", () => {
    const labels = paletteCommands(flow, { ...idle, selectedNodes: 1, canUndo: true }).map(
      (c) => c.label,
    );
    expect(labels).toContain("Undo");
    expect(labels).toContain("Duplicate the selected nodes");
  });

  it("finds commands by every word typed, in any case and order", () => {
    const commands = paletteCommands(flow, idle);
    expect(filterCommands(commands, "LLM go").map((c) => c.label)).toEqual(["Go to chat_llm"]);
    expect(filterCommands(commands, "  ").length).toBe(commands.length);
    expect(filterCommands(commands, "nothing like this")).toEqual([]);
  });
});
