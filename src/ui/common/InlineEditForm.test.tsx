// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { InlineEditForm, type InlineEditFormProps } from "./InlineEditForm";

afterEach(cleanup);

const BUTTONS = {
  save: { text: "Save", label: "Save name", className: "" },
  cancel: { text: "Cancel", label: "Cancel rename", className: "" },
  className: "",
  actionsClassName: "",
};

function setup(props: Partial<InlineEditFormProps> = {}) {
  const onSave = vi.fn<InlineEditFormProps["onSave"]>(() => true);
  const onCancel = vi.fn();
  const onOuterKeyDown = vi.fn();
  render(
    // biome-ignore lint/a11y/noStaticElementInteractions: stands for a menu that closes on Escape.
    <div onKeyDown={onOuterKeyDown}>
      <InlineEditForm
        initial="Chat with memory"
        label="Flow name"
        onSave={onSave}
        onCancel={onCancel}
        {...BUTTONS}
        {...props}
      />
    </div>,
  );
  const field = screen.getByRole("textbox", {
    name: props.label ?? "Flow name",
  }) as HTMLInputElement;
  return { user: userEvent.setup(), field, onSave, onCancel, onOuterKeyDown };
}

describe("InlineEditForm", () => {
  it("opens with focus in the field and the text selected, so typing replaces it", async () => {
    const { user, field, onSave } = setup();
    expect(document.activeElement).toBe(field);
    await user.keyboard("Summarizer{Enter}");
    expect(onSave).toHaveBeenCalledWith("Summarizer");
  });

  it("saves the trimmed draft on Enter and on the Save button", async () => {
    const { user, field, onSave } = setup();
    await user.clear(field);
    await user.type(field, "  My flow  {Enter}");
    expect(onSave).toHaveBeenLastCalledWith("My flow");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it("cancels on Escape without the Escape reaching the menu around it", async () => {
    const { user, onSave, onCancel, onOuterKeyDown } = setup();
    await user.keyboard("{Escape}");
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onOuterKeyDown).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Cancel rename" }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onSave).not.toHaveBeenCalled();
  });

  it("refuses an empty draft with its message, keeps the draft and focus in the field", async () => {
    const problemWith = (draft: string) => (draft.trim() === "" ? "A flow needs a name." : null);
    const { user, field, onSave } = setup({ problemWith });
    await user.clear(field);
    await user.type(field, "   ");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe("A flow needs a name.");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toBe(screen.getByRole("alert").id);
    expect(field.value).toBe("   ");
    expect(document.activeElement).toBe(field);
    // Typing again clears the message.
    await user.type(field, "x");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(field.getAttribute("aria-invalid")).toBe("false");
  });

  it("gives focus back to the field when the save is refused after all", async () => {
    let refuse: (saved: boolean) => void = () => undefined;
    const onSave = vi.fn(() => new Promise<boolean>((resolve) => (refuse = resolve)));
    const { user, field } = setup({ onSave });
    await user.keyboard("Taken{Enter}");
    await user.click(document.body);
    expect(document.activeElement).not.toBe(field);
    refuse(false);
    await vi.waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.value).toBe("Taken");
  });

  it("only closes when a rename leaves the text as it was", async () => {
    const { user, onSave, onCancel } = setup({ unchangedCancels: true });
    await user.keyboard("{End} {Backspace}{Enter}");
    expect(onSave).not.toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it("disables Save while canSave says no, and Enter then does nothing", async () => {
    const { user, field, onSave } = setup({ canSave: (d) => d.trim() !== "" });
    const save = screen.getByRole("button", { name: "Save name" }) as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    await user.clear(field);
    expect(save.disabled).toBe(true);
    await user.type(field, "{Enter}");
    expect(onSave).not.toHaveBeenCalled();
  });

  it("as a message box: Enter sends the text as typed, Shift+Enter starts a new line", async () => {
    const { user, field, onSave } = setup({
      initial: "Hello",
      label: "Edit message",
      multiline: true,
      keepWhitespace: true,
      hint: { text: "Sends from this point.", className: "" },
    });
    expect(field.tagName).toBe("TEXTAREA");
    expect(document.activeElement).toBe(field);
    expect(field.selectionStart).toBe("Hello".length);
    expect(field.getAttribute("aria-describedby")).toBe(
      screen.getByText("Sends from this point.").id,
    );
    await user.keyboard("{Shift>}{Enter}{/Shift}there ");
    expect(onSave).not.toHaveBeenCalled();
    await user.keyboard("{Enter}");
    expect(onSave).toHaveBeenCalledWith("Hello\nthere ");
  });

  it("puts Cancel first when asked, as a message editor does", () => {
    setup({ cancelFirst: true });
    const names = screen.getAllByRole("button").map((b) => b.getAttribute("aria-label"));
    expect(names).toEqual(["Cancel rename", "Save name"]);
  });
});
