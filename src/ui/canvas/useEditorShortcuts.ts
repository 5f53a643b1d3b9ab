import { useEffect, useRef } from "react";
import { useCanvasControls } from "./canvasActions";
import { actionState, editorAction } from "./editorActions";
import { shortcutAction } from "./editorShortcuts";
import { expectPasteEvent } from "./systemClipboard";

/**
 * The editor's keyboard shortcuts (the actions table, editorActions.ts), on the window so they
 * work wherever focus is, except in text fields and dialogs. A key whose action cannot run now
 * (nothing selected, nothing to undo) is left to the browser.
 */
export function useEditorShortcuts(): void {
  const controls = useCanvasControls();
  // Read at key time: the listener stays registered while React Flow's instance changes.
  const controlsRef = useRef(controls);
  controlsRef.current = controls;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const id = shortcutAction(event);
      if (!id) return;
      const action = editorAction(id);
      if (!action.enabled(actionState())) return;
      const run = () => action.run(controlsRef.current);
      // Copy and paste are not prevented: the browser then fires its copy and paste events,
      // which carry the system clipboard (useClipboardEvents). The internal clipboard is still
      // filled on copy, and pasted when no paste event follows.
      if (action.systemClipboard === "paste") return expectPasteEvent(run);
      run();
      if (action.systemClipboard !== "copy") event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
