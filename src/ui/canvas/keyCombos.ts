/** One key combination of a shortcut, as the actions table declares it. */
export interface KeyCombo {
  /** KeyboardEvent.key: a letter (either case), or a named key ("Delete", "?"). */
  key: string;
  /** Ctrl, or ⌘ on a Mac; either works on every system, so a Mac keyboard is not required. */
  mod?: boolean;
  /**
   * Part of a letter shortcut (Ctrl+Shift+Z is not Ctrl+Z). Ignored for other keys: "?" needs
   * Shift on most layouts, and Shift+Delete still deletes.
   */
  shift?: boolean;
}

/** The parts of a keydown the editor looks at (a KeyboardEvent has them all). */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);

/** Whether a key press is this combination. Alt is never part of one (it types characters). */
export function matchesCombo(combo: KeyCombo, e: ShortcutKey): boolean {
  if (e.altKey) return false;
  if ((e.ctrlKey || e.metaKey) !== (combo.mod ?? false)) return false;
  if (isLetter(combo.key) && e.shiftKey !== (combo.shift ?? false)) return false;
  return e.key.toLowerCase() === combo.key.toLowerCase();
}

export const isMac = () =>
  typeof navigator !== "undefined" &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Ctrl" or "⌘", as the user's keyboard says it. */
export const modKey = (mac = isMac()) => (mac ? "⌘" : "Ctrl");

/** "Ctrl+Shift+Z" (or "⌘+Shift+Z" on a Mac), "Delete", "?": as the help and tooltips show it. */
export function comboText(combo: KeyCombo, mac = isMac()): string {
  const parts = [
    ...(combo.mod ? [modKey(mac)] : []),
    ...(combo.shift && isLetter(combo.key) ? ["Shift"] : []),
    isLetter(combo.key) ? combo.key.toUpperCase() : combo.key,
  ];
  return parts.join("+");
}
