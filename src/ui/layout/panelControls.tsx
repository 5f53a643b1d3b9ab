import type { KeyboardEvent, PointerEvent } from "react";
import { useUi } from "../../store/uiStore";

const KEY_STEP = 20;

/** The narrowest and widest a drag or a key makes each side panel. */
const PANEL_LIMITS = { left: [160, 480], right: [300, 760] } as const;

function clampPanelWidth(side: "left" | "right", width: number): number {
  const [min, max] = PANEL_LIMITS[side];
  return Math.round(Math.min(max, Math.max(min, width)));
}

const NAMES = { left: "nodes and memory panel", right: "chat and node panel" } as const;

/** The buttons in the canvas's top corners that hide and show the side columns. */
export function PanelToggles() {
  const layout = useUi((s) => s.layout);
  const setLayout = useUi((s) => s.setLayout);
  return (["left", "right"] as const).map((side) => {
    const collapsed = layout[`${side}Collapsed`];
    return (
      <button
        key={side}
        type="button"
        className={`panel-toggle panel-toggle-${side}`}
        aria-label={`Show the ${NAMES[side]}`}
        aria-pressed={!collapsed}
        title={`${collapsed ? "Show" : "Hide"} the ${NAMES[side]}`}
        onClick={() => void setLayout({ [`${side}Collapsed`]: !collapsed })}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <rect x="2.5" y="3.5" width="15" height="13" rx="2" />
          <path d={side === "left" ? "M7.5 3.5v13" : "M12.5 3.5v13"} />
        </svg>
      </button>
    );
  });
}

/**
 * The gutter beside a side panel: drag it (or focus it and press Left / Right, Home / End) to
 * resize the panel. While dragging only a CSS variable changes; the width is saved on release.
 * The canvas keeps its minimum width (workspace.css): a drag stops there.
 */
export function PanelSplitter({ side }: { side: "left" | "right" }) {
  const width = useUi((s) => s.layout[side]);
  const setLayout = useUi((s) => s.setLayout);
  // Dragging right widens the left panel and narrows the right one.
  const sign = side === "left" ? 1 : -1;

  /** The panel's width on screen, and how much wider it may get before the canvas's minimum. */
  const measure = (handle: HTMLElement) => {
    const main = handle.parentElement as HTMLElement;
    const panel = main.querySelector(`.ws-${side}`) as HTMLElement;
    const center = main.querySelector(".ws-center") as HTMLElement;
    const room =
      center.getBoundingClientRect().width - parseFloat(getComputedStyle(center).minWidth);
    const start = panel.getBoundingClientRect().width;
    return {
      main,
      start,
      widthBy: (dx: number) => clampPanelWidth(side, Math.min(start + room, start + dx)),
    };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const handle = event.currentTarget;
    const { main, start, widthBy } = measure(handle);
    const startX = event.clientX;
    let next = start;
    handle.setPointerCapture(event.pointerId);
    event.preventDefault();
    const onMove = (e: globalThis.PointerEvent) => {
      next = widthBy(sign * (e.clientX - startX));
      main.style.setProperty(`--${side}-w`, `${next}px`);
    };
    const onUp = () => {
      handle.removeEventListener("pointermove", onMove);
      handle.removeEventListener("pointerup", onUp);
      handle.removeEventListener("pointercancel", onUp);
      void setLayout({ [side]: next });
    };
    handle.addEventListener("pointermove", onMove);
    handle.addEventListener("pointerup", onUp);
    handle.addEventListener("pointercancel", onUp);
  };

  // From the width on screen, which is less than the saved one when the window is too small.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const { widthBy } = measure(event.currentTarget);
    const dx = {
      ArrowLeft: -sign * KEY_STEP,
      ArrowRight: sign * KEY_STEP,
      Home: Number.NEGATIVE_INFINITY,
      End: Number.POSITIVE_INFINITY,
    }[event.key];
    if (dx === undefined) return;
    event.preventDefault();
    void setLayout({ [side]: widthBy(dx) });
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable splitter is a separator widget; <hr> cannot take focus or drags.
    <div
      className="ws-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize the ${NAMES[side]}`}
      aria-valuenow={width}
      aria-valuemin={PANEL_LIMITS[side][0]}
      aria-valuemax={PANEL_LIMITS[side][1]}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
