// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useCanvasUi } from "./canvasUiStore";
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
});
