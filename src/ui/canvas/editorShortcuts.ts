import { type ActionId, EDITOR_ACTIONS } from "./editorActions";
import { matchesCombo, type ShortcutKey } from "./keyCombos";

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
export function shortcutAction(e: ShortcutKey): ActionId | null {
  if (isTypingTarget(e.target)) return null;
  const action = EDITOR_ACTIONS.find((a) => a.shortcuts.some((combo) => matchesCombo(combo, e)));
  return action?.id ?? null;
}
