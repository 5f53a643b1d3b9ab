import { EDITOR_ACTIONS } from "./editorActions";
import { comboText, modKey } from "./keyCombos";

/*
 * The shortcuts list's lines: loaded with the list (ShortcutsDialog.tsx), not the first page.
 */

/** React Flow's own gestures: not actions of ours, but a user looks for them in the same list. */
const CANVAS_GESTURES: readonly { keys: (mod: string) => string[]; help: string }[] = [
  { keys: (m) => [`${m}+click`, "Shift+drag"], help: "Add to the selection / select an area" },
  { keys: () => ["Arrow keys"], help: "Move the focused, selected node" },
  {
    keys: () => ["Shift+F10", "Menu key"],
    help: "Menu of the focused node or connection",
  },
];

/** The shortcuts help: every action that has a shortcut, then React Flow's gestures. */
export function shortcutHelp(mac?: boolean): { keys: string[]; help: string }[] {
  const m = modKey(mac);
  return [
    ...EDITOR_ACTIONS.filter((a) => a.shortcuts.length > 0).map((a) => ({
      keys: a.shortcuts.map((combo) => comboText(combo, mac)),
      help: a.help ?? a.label,
    })),
    ...CANVAS_GESTURES.map((g) => ({ keys: g.keys(m), help: g.help })),
  ];
}
