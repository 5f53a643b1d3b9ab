import { type CSSProperties, type ReactNode, useId } from "react";
import { useUi } from "../../store/uiStore";
import { PanelSplitter } from "./PanelSplitter";
import "./workspace.css";

interface WorkspaceProps {
  /** The palette, memory legend and problems (left). */
  sidebar: ReactNode;
  /** The toolbar and canvas (centre). */
  canvas: ReactNode;
  /** The tabbed chat / node / runs / memory panel (right). */
  side: ReactNode;
}

/**
 * The three columns under the header. On a wide screen the side columns collapse (buttons at
 * the canvas's top corners) and resize (the gutters); on a narrow one (workspace.css) the
 * columns stack, the chat first, and a switch at the top shows the canvas instead.
 * The panels stay mounted whatever is shown: a half-typed message survives.
 */
export function Workspace({ sidebar, canvas, side }: WorkspaceProps) {
  const id = useId();
  const layout = useUi((s) => s.layout);
  const view = useUi((s) => s.compactView);
  const setView = useUi((s) => s.setCompactView);
  const setLayout = useUi((s) => s.setLayout);
  const style = { "--left-w": `${layout.left}px`, "--right-w": `${layout.right}px` };
  return (
    <main
      className="workspace"
      style={style as CSSProperties}
      data-view={view}
      data-left-collapsed={layout.leftCollapsed || undefined}
      data-right-collapsed={layout.rightCollapsed || undefined}
    >
      <fieldset className="view-switch" aria-label="Show">
        {(["chat", "canvas"] as const).map((v) => (
          <button
            key={v}
            type="button"
            className="secondary"
            aria-pressed={view === v}
            onClick={() => setView(v)}
          >
            {v === "chat" ? "Chat" : "Canvas"}
          </button>
        ))}
      </fieldset>
      <div className="ws-left" id={`${id}-left`}>
        {sidebar}
      </div>
      {!layout.leftCollapsed && <PanelSplitter side="left" label="nodes and memory panel" />}
      <div className="ws-center">
        {(["left", "right"] as const).map((s) => {
          const collapsed = s === "left" ? layout.leftCollapsed : layout.rightCollapsed;
          const name = s === "left" ? "nodes and memory panel" : "chat and node panel";
          return (
            <button
              key={s}
              type="button"
              className={`panel-toggle panel-toggle-${s}`}
              aria-label={`Show the ${name}`}
              aria-pressed={!collapsed}
              aria-controls={`${id}-${s}`}
              title={`${collapsed ? "Show" : "Hide"} the ${name}`}
              onClick={() => void setLayout({ [`${s}Collapsed`]: !collapsed })}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <rect x="2.5" y="3.5" width="15" height="13" rx="2" />
                <path d={s === "left" ? "M7.5 3.5v13" : "M12.5 3.5v13"} />
              </svg>
            </button>
          );
        })}
        {canvas}
      </div>
      {!layout.rightCollapsed && <PanelSplitter side="right" label="chat and node panel" />}
      <div className="ws-right" id={`${id}-right`}>
        {side}
      </div>
    </main>
  );
}
