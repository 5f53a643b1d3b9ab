import {
  type CSSProperties,
  lazy,
  type ReactNode,
  Suspense,
  startTransition,
  useEffect,
  useState,
} from "react";
import { useUi } from "../../store/uiStore";
import "./workspace.css";

// The gutters' drag and keyboard handling and the panel toggles load just after the first
// paint: a plain gutter stands in until then.
const loadControls = () => import("./panelControls");
const PanelSplitter = lazy(() => loadControls().then((m) => ({ default: m.PanelSplitter })));
const PanelToggles = lazy(() => loadControls().then((m) => ({ default: m.PanelToggles })));

function Gutter({ side }: { side: "left" | "right" }) {
  return (
    <Suspense fallback={<div className="ws-splitter" />}>
      <PanelSplitter side={side} />
    </Suspense>
  );
}

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
  const layout = useUi((s) => s.layout);
  const view = useUi((s) => s.compactView);
  const setView = useUi((s) => s.setCompactView);
  const style = { "--left-w": `${layout.left}px`, "--right-w": `${layout.right}px` };
  // The side columns are drawn just after the canvas, in a render React may interrupt: the
  // flow is on screen (and React Flow measures its nodes) without waiting for the chat, the
  // palette and the legend. Their columns keep their width meanwhile, so the canvas's does not
  // change.
  const [sidesDrawn, setSidesDrawn] = useState(false);
  useEffect(() => startTransition(() => setSidesDrawn(true)), []);
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
      <div className="ws-left">{sidesDrawn && sidebar}</div>
      {!layout.leftCollapsed && <Gutter side="left" />}
      <div className="ws-center">
        <Suspense fallback={null}>
          <PanelToggles />
        </Suspense>
        {canvas}
      </div>
      {!layout.rightCollapsed && <Gutter side="right" />}
      <div className="ws-right">{sidesDrawn && side}</div>
    </main>
  );
}
