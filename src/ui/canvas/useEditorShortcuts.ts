import { useEffect } from "react";
import { runShortcut } from "./canvasActions";
import { shortcutAction } from "./editorShortcuts";
import { expectPasteEvent } from "./systemClipboard";

/**
 * The editor's keyboard shortcuts (see editorShortcuts.ts), on the window so they work
 * wherever focus is, except in text fields and dialogs.
 */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutAction(event);
      if (!action) return;
      // Copy and paste are not prevented: the browser then fires its copy and paste events,
      // which carry the system clipboard (useClipboardEvents). The internal clipboard is still
      // filled on copy, and pasted when no paste event follows.
      if (action === "copy") runShortcut("copy");
      else if (action === "paste") expectPasteEvent(() => runShortcut("paste"));
      else if (runShortcut(action)) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
