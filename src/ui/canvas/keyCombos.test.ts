import { describe, expect, it } from "vitest";
import { comboText, matchesCombo, type ShortcutKey } from "./keyCombos";

const key = (k: string, mods: Partial<ShortcutKey> = {}): ShortcutKey => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  target: null,
  ...mods,
});

describe("key combinations", () => {
  it("read as each keyboard names them", () => {
    expect(comboText({ key: "z", mod: true }, false)).toBe("Ctrl+Z");
    expect(comboText({ key: "z", mod: true }, true)).toBe("⌘+Z");
    expect(comboText({ key: "z", mod: true, shift: true }, false)).toBe("Ctrl+Shift+Z");
    expect(comboText({ key: "z", mod: true, shift: true }, true)).toBe("⌘+Shift+Z");
    expect(comboText({ key: "Delete" }, true)).toBe("Delete");
    expect(comboText({ key: "?" }, false)).toBe("?");
  });

  it("match Ctrl or ⌘, and Shift only where it is part of a letter shortcut", () => {
    const undo = { key: "z", mod: true };
    expect(matchesCombo(undo, key("z", { ctrlKey: true }))).toBe(true);
    expect(matchesCombo(undo, key("z", { metaKey: true }))).toBe(true);
    expect(matchesCombo(undo, key("Z", { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesCombo(undo, key("z"))).toBe(false);
    expect(matchesCombo(undo, key("z", { ctrlKey: true, altKey: true }))).toBe(false);
    expect(
      matchesCombo(
        { key: "z", mod: true, shift: true },
        key("Z", { metaKey: true, shiftKey: true }),
      ),
    ).toBe(true);
    // "?" is Shift+/ on most layouts; Shift+Delete still deletes.
    expect(matchesCombo({ key: "?" }, key("?", { shiftKey: true }))).toBe(true);
    expect(matchesCombo({ key: "Delete" }, key("Delete", { shiftKey: true }))).toBe(true);
    expect(matchesCombo({ key: "Delete" }, key("Delete", { ctrlKey: true }))).toBe(false);
  });
});
