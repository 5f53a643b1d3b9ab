export type ShortcutAction =
  | "delete"
  | "undo"
  | "redo"
  | "copy"
  | "paste"
  | "duplicate"
  | "selectAll"
  | "showShortcuts";

/** The parts of a keydown the editor looks at (a KeyboardEvent has them all). */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** Where typing happens: keys pressed there belong to the field, never to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  // Inside a modal dialog (the shortcuts list, any other panel's dialog) the canvas is inert.
  return (
    el.closest(
      'input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog[open], [aria-modal="true"]',
    ) !== null
  );
}

/** The editor action a key press asks for, or null when it is not the canvas's to handle. */
export function shortcutAction(e: ShortcutKey): ShortcutAction | null {
  if (e.altKey || isTypingTarget(e.target)) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (!mod) {
    if (e.key === "Delete" || e.key === "Backspace") return "delete";
    if (e.key === "?") return "showShortcuts";
    return null;
  }
  switch (key) {
    case "z":
      return e.shiftKey ? "redo" : "undo";
    case "y":
      return e.shiftKey ? null : "redo";
    case "c":
      return e.shiftKey ? null : "copy";
    case "v":
      return e.shiftKey ? null : "paste";
    case "d":
      return e.shiftKey ? null : "duplicate";
    case "a":
      return e.shiftKey ? null : "selectAll";
    default:
      return null;
  }
}

const isMac = () =>
  typeof navigator !== "undefined" &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Ctrl" or "⌘", as the user's keyboard says it. */
export const modKey = () => (isMac() ? "⌘" : "Ctrl");

/** The list the shortcuts dialog shows, in the order a user needs them. */
export function shortcutList(): { keys: string[]; action: string }[] {
  const m = modKey();
  return [
    { keys: ["Delete", "Backspace"], action: "Delete the selected nodes and connections" },
    { keys: [`${m}+Z`], action: "Undo" },
    { keys: [`${m}+Shift+Z`, "Ctrl+Y"], action: "Redo" },
    { keys: [`${m}+C`], action: "Copy the selected nodes" },
    { keys: [`${m}+V`], action: "Paste" },
    { keys: [`${m}+D`], action: "Duplicate the selected nodes" },
    { keys: [`${m}+A`], action: "Select every node" },
    { keys: [`${m}+click`, "Shift+drag"], action: "Add to the selection / select an area" },
    { keys: ["Arrow keys"], action: "Move the focused, selected node" },
    { keys: ["?"], action: "Show this list" },
  ];
}
