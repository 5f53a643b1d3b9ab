import { useEffect } from "react";
import { runShortcut } from "./canvasActions";
import { shortcutAction } from "./editorShortcuts";

/**
 * The editor's keyboard shortcuts (see editorShortcuts.ts), on the window so they work
 * wherever focus is, except in text fields and dialogs.
 */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutAction(event);
      if (action && runShortcut(action)) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
