import { useEffect, useId, useRef } from "react";
import { useCanvasUi } from "./canvasUiStore";
import { shortcutHelp } from "./shortcutHelp";

/**
 * The keyboard shortcuts (every action in editorActions.ts that has one), in a native modal
 * <dialog>: it traps focus and closes on Escape by itself; focus goes back to where it was when
 * the list was opened.
 */
export function ShortcutsDialog() {
  const open = useCanvasUi((s) => s.shortcutsOpen);
  const close = useCanvasUi((s) => s.closeShortcuts);
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // "close" fires for Escape, the Close button and a programmatic close alike.
  const onClose = () => {
    close();
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) target.focus();
  };

  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>Keyboard shortcuts</h2>
      <p className="note">They work anywhere except while typing in a text field.</p>
      <table>
        <tbody>
          {shortcutHelp().map(({ keys, help }) => (
            <tr key={help}>
              <th scope="row">
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="shortcut-or"> or </span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{help}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog" className="shortcuts-actions">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
