// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useCanvasUi } from "./canvasUiStore";
import { EDITOR_ACTIONS } from "./editorActions";
import { comboText } from "./keyCombos";
import { ShortcutsDialog } from "./ShortcutsDialog";

afterEach(() => {
  cleanup();
  useCanvasUi.setState({ shortcutsOpen: false });
});

describe("ShortcutsDialog", () => {
  it("opens as a modal listing the shortcuts, closes with its button, and gives focus back", () => {
    render(
      <>
        <button type="button">Keyboard shortcuts</button>
        <ShortcutsDialog />
      </>,
    );
    const opener = screen.getByRole("button", { name: "Keyboard shortcuts" });
    opener.focus();
    act(() => useCanvasUi.getState().openShortcuts());

    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" }) as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(screen.getByText("Undo")).toBeTruthy();
    expect(screen.getByText("Select every node")).toBeTruthy();

    act(() => {
      fireEvent.click(screen.getByRole("button", { name: "Close" }));
      // happy-dom does not run <form method="dialog">; a browser closes the dialog itself.
      if (dialog.open) dialog.close();
    });
    expect(dialog.open).toBe(false);
    expect(useCanvasUi.getState().shortcutsOpen).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it("lists every action that has a shortcut, with all its keys", () => {
    render(<ShortcutsDialog />);
    act(() => useCanvasUi.getState().openShortcuts());
    const rows = screen.getAllByRole("row").map((row) => ({
      keys: [...row.querySelectorAll("kbd")].map((k) => k.textContent),
      help: row.querySelector("td")?.textContent,
    }));
    const withShortcuts = EDITOR_ACTIONS.filter((a) => a.shortcuts.length > 0);
    expect(withShortcuts.length).toBeGreaterThanOrEqual(8);
    for (const action of withShortcuts) {
      expect(rows).toContainEqual({
        keys: action.shortcuts.map((combo) => comboText(combo)),
        help: action.help ?? action.label,
      });
    }
    // As a user reads them (not a Mac in this test).
    expect(rows).toContainEqual({ keys: ["Ctrl+Shift+Z", "Ctrl+Y"], help: "Redo" });
    expect(rows).toContainEqual({ keys: ["Delete", "Backspace"], help: expect.any(String) });
    expect(rows).toContainEqual({ keys: ["?"], help: "Show this list" });
    // React Flow's own gestures are listed too.
    expect(rows).toContainEqual({ keys: ["Arrow keys"], help: "Move the focused, selected node" });
  });
});
