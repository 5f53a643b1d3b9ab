import { Fragment, type KeyboardEvent } from "react";
import { useCanvasControls } from "./canvasActions";
import { actionTitle, EDITOR_ACTIONS, useActionState } from "./editorActions";

/** Left and Right move between the toolbar's buttons, as in any toolbar. */
function moveFocusWithArrows(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
  const buttons = [...event.currentTarget.querySelectorAll("button:not(:disabled)")];
  const at = buttons.indexOf(document.activeElement as Element);
  if (at < 0) return;
  const step = event.key === "ArrowRight" ? 1 : -1;
  (buttons[(at + step + buttons.length) % buttons.length] as HTMLElement | undefined)?.focus();
  event.preventDefault();
}

const TOOLBAR_ACTIONS = EDITOR_ACTIONS.filter((a) => a.toolbar !== undefined);

/** The actions with a place in the toolbar (editorActions.ts), above the canvas, by group. */
export function CanvasToolbar() {
  const state = useActionState();
  const controls = useCanvasControls();

  return (
    <div
      className="canvas-toolbar"
      role="toolbar"
      aria-label="Canvas tools"
      onKeyDown={moveFocusWithArrows}
    >
      {TOOLBAR_ACTIONS.map((action, i) => (
        <Fragment key={action.id}>
          {i > 0 && action.toolbar !== TOOLBAR_ACTIONS[i - 1]?.toolbar && (
            <span className="toolbar-separator" aria-hidden="true" />
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => action.run(controls)}
            disabled={!action.enabled(state)}
            title={actionTitle(action)}
          >
            {action.label}
          </button>
        </Fragment>
      ))}
    </div>
  );
}
