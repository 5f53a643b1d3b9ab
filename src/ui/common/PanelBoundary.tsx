import type { ReactNode } from "react";
import { ErrorBoundary } from "./ErrorBoundary";
import "./panelBoundary.css";

/**
 * One panel (canvas, node settings, chat, runs, memory, Settings) that fails to render says so
 * in its own place and offers to reload itself; the rest of the app stays usable.
 */
export function PanelBoundary({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error, retry) => (
        <div className="panel-error" role="alert">
          <p>
            The {name} could not be shown: {error.message || "an unknown error"}. Everything else
            still works, and nothing saved was lost.
          </p>
          <button type="button" onClick={retry}>
            Reload the {name}
          </button>
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
