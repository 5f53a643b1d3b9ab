// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { shortcutAction } from "./editorShortcuts";
import type { ShortcutKey } from "./keyCombos";

const press = (key: string, mods: Partial<ShortcutKey> = {}, target: EventTarget | null = null) =>
  shortcutAction({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: target ?? document.body,
    ...mods,
  });

const inside = (html: string, selector: string) => {
  document.body.innerHTML = html;
  return document.querySelector(selector);
};

describe("editor shortcuts", () => {
  it("maps the documented keys", () => {
    expect(press("Delete")).toBe("delete");
    expect(press("Backspace")).toBe("delete");
    expect(press("z", { ctrlKey: true })).toBe("undo");
    expect(press("z", { metaKey: true })).toBe("undo");
    expect(press("Z", { ctrlKey: true, shiftKey: true })).toBe("redo");
    expect(press("Z", { metaKey: true, shiftKey: true })).toBe("redo");
    expect(press("y", { ctrlKey: true })).toBe("redo");
    expect(press("c", { ctrlKey: true })).toBe("copy");
    expect(press("v", { metaKey: true })).toBe("paste");
    expect(press("d", { ctrlKey: true })).toBe("duplicate");
    expect(press("a", { ctrlKey: true })).toBe("selectAll");
    expect(press("?", { shiftKey: true })).toBe("showShortcuts");
  });

  it("never takes keys typed into the chat, the inspector or any text field", () => {
    const fields = [
      inside('<textarea aria-label="Message"></textarea>', "textarea"),
      inside("<input type=text>", "input"),
      inside("<select><option>a</option></select>", "select"),
      inside('<div contenteditable="true"><span>x</span></div>', "span"),
    ];
    for (const field of fields) {
      expect(press("Backspace", {}, field)).toBeNull();
      expect(press("Delete", {}, field)).toBeNull();
      expect(press("z", { ctrlKey: true }, field)).toBeNull();
      expect(press("a", { ctrlKey: true }, field)).toBeNull();
      expect(press("c", { ctrlKey: true }, field)).toBeNull();
      expect(press("?", { shiftKey: true }, field)).toBeNull();
    }
  });

  it("leaves keys pressed inside an open dialog to the dialog", () => {
    const button = inside("<dialog open><button>Close</button></dialog>", "button");
    expect(press("Delete", {}, button)).toBeNull();
  });

  it("ignores plain letters and Alt combinations", () => {
    expect(press("a")).toBeNull();
    expect(press("z", { ctrlKey: true, altKey: true })).toBeNull();
  });
});
