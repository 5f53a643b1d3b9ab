// @vitest-environment happy-dom

import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ReactFlowProvider } from "@xyflow/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flowId, nodeId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { useFlowStore } from "../../store/flowStore";
import { CanvasToolbar } from "./CanvasToolbar";
import { useCanvasUi } from "./canvasUiStore";
import { EDITOR_ACTIONS } from "./editorActions";

const initial = useFlowStore.getState();
const ids = () => useFlowStore.getState().flow?.nodes.map((n) => n.id);

beforeEach(() => {
  useFlowStore.getState().open(flowId("flow-1"), STARTER_FLOWS.chatWithMemory.build());
});

afterEach(() => {
  cleanup();
  useFlowStore.setState(initial, true);
  useCanvasUi.setState({ shortcutsOpen: false });
});

function setup() {
  render(<CanvasToolbar />, { wrapper: ReactFlowProvider });
  const toolbar = screen.getByRole("toolbar", { name: "Canvas tools" });
  const button = (name: string) =>
    within(toolbar).getByRole("button", { name }) as HTMLButtonElement;
  return { user: userEvent.setup(), toolbar, button };
}

describe("CanvasToolbar", () => {
  it("shows the toolbar actions, in their groups, with their shortcuts in the tooltips", () => {
    const { toolbar, button } = setup();
    const names = within(toolbar)
      .getAllByRole("button")
      .map((b) => b.textContent);
    expect(names).toEqual(["Undo", "Redo", "Auto-layout", "Fit view", "Keyboard shortcuts"]);
    expect(names).toEqual(EDITOR_ACTIONS.filter((a) => a.toolbar).map((a) => a.label));
    // One separator, between the history and the view.
    const separator = toolbar.querySelector(".toolbar-separator");
    expect(toolbar.querySelectorAll(".toolbar-separator")).toHaveLength(1);
    expect(separator?.previousElementSibling).toBe(button("Redo"));
    expect(button("Undo").title).toBe("Undo (Ctrl+Z)");
    expect(button("Redo").title).toBe("Redo (Ctrl+Shift+Z)");
    expect(button("Keyboard shortcuts").title).toBe("Shortcuts (?)");
    expect(button("Fit view").title).toBe("Show every node");
  });

  it("enables Undo and Redo as the history allows, and runs them", async () => {
    const { user, button } = setup();
    expect(button("Undo").disabled).toBe(true);
    expect(button("Redo").disabled).toBe(true);

    useFlowStore.getState().select([nodeId("chat_llm")]);
    useFlowStore.getState().duplicateSelection();
    expect(await screen.findByRole("button", { name: "Undo" })).toHaveProperty("disabled", false);
    await user.click(button("Undo"));
    expect(ids()).toEqual(["input", "chat_llm", "output"]);
    expect(button("Undo").disabled).toBe(true);
    expect(button("Redo").disabled).toBe(false);
    await user.click(button("Redo"));
    expect(ids()).toEqual(["input", "chat_llm", "output", "chat_llm_2"]);
  });

  it("disables the view tools without nodes, and opens the shortcuts list", async () => {
    const { user, button } = setup();
    expect(button("Auto-layout").disabled).toBe(false);
    await user.click(button("Keyboard shortcuts"));
    expect(useCanvasUi.getState().shortcutsOpen).toBe(true);

    useFlowStore.getState().selectAll();
    useFlowStore.getState().removeNodes(useFlowStore.getState().selection);
    expect(await screen.findByRole("button", { name: "Fit view" })).toHaveProperty(
      "disabled",
      true,
    );
    expect(button("Auto-layout").disabled).toBe(true);
    expect(button("Keyboard shortcuts").disabled).toBe(false);
  });
});
