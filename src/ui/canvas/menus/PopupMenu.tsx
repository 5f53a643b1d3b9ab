import { Fragment, type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { Menu } from "./menuEntries";

/** Space kept between a menu and the window's edges. */
const EDGE = 8;

/**
 * Where a menu opened at (x, y) goes so all of it is on screen: to the left of the point when
 * there is no room on the right, above it when there is none below, and scrolling inside
 * itself on a screen too short for it.
 */
export function fitOnScreen(
  at: { x: number; y: number },
  size: { width: number; height: number },
  screen: { width: number; height: number },
): { left: number; top: number } {
  const right = screen.width - EDGE;
  const bottom = screen.height - EDGE;
  const left = at.x + size.width <= right ? at.x : Math.max(EDGE, right - size.width);
  const top =
    at.y + size.height <= bottom
      ? at.y
      : at.y - size.height >= EDGE
        ? at.y - size.height
        : Math.max(EDGE, bottom - size.height);
  return { left, top };
}

/** "Ctrl+Shift+Z" as aria-keyshortcuts spells it: "Control+Shift+Z" ("⌘" is "Meta"). */
const keyShortcuts = (text: string) => text.replace("Ctrl", "Control").replace("⌘", "Meta");

const menuItems = (menu: HTMLElement | null) => [
  ...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
];

interface PopupMenuProps {
  menu: Menu;
  x: number;
  y: number;
  /** `restoreFocus` false when the user clicked outside the menu: focus is where they clicked. */
  onClose(restoreFocus?: boolean): void;
}

/**
 * A menu at a point on screen (the WAI-ARIA menu pattern): focus goes to its first line;
 * Up / Down (wrapping), Home / End and a letter move between lines, Enter or Space runs one,
 * Escape or Tab closes it; focus then goes back to where it was (the caller's job, onClose).
 */
export function PopupMenu({ menu, x, y, onClose }: PopupMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  const items = () => menuItems(ref.current);
  const focusAt = (index: number) => {
    const all = items();
    all[(index + all.length) % all.length]?.focus();
  };

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setPlace(fitOnScreen({ x, y }, { width, height }, { width: innerWidth, height: innerHeight }));
  }, [x, y]);

  // Focus the first line once placed (focusing earlier would scroll to where it first drew).
  useEffect(() => {
    if (place) menuItems(ref.current)[0]?.focus({ preventScroll: true });
  }, [place]);

  // A press anywhere else, or the window changing size, closes the menu.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose(false);
    };
    const onResize = () => onClose(false);
    document.addEventListener("pointerdown", onPointerDown, true);
    window.addEventListener("resize", onResize);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      window.removeEventListener("resize", onResize);
    };
  }, [onClose]);

  const run = (index: number) => {
    const entry = menu.entries[index];
    if (!entry || entry.disabled) return;
    // Closed first: focus is back on the canvas before the action runs (a deleted node then
    // simply takes its focus with it).
    onClose();
    entry.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The menu's keys are its own: Delete on a line must not also delete the selection.
    event.stopPropagation();
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const key = event.key;
    if (key === "ArrowDown") focusAt(at + 1);
    else if (key === "ArrowUp") focusAt(at - 1);
    else if (key === "Home") focusAt(0);
    else if (key === "End") focusAt(all.length - 1);
    else if (key === "Escape" || key === "Tab") onClose();
    else if (key === "Enter" || key === " ") run(at);
    else if (key.length === 1 && /\S/.test(key)) {
      // Type-ahead: the next line starting with that letter.
      const next = menu.entries.findIndex(
        (e, i) => i > at && e.label.toLowerCase().startsWith(key.toLowerCase()),
      );
      const first = menu.entries.findIndex((e) =>
        e.label.toLowerCase().startsWith(key.toLowerCase()),
      );
      if (next >= 0 || first >= 0) focusAt(next >= 0 ? next : first);
    } else return;
    event.preventDefault();
  };

  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={menu.label}
      className="canvas-menu"
      tabIndex={-1}
      style={place ?? { left: x, top: y, visibility: "hidden" }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      <div className="canvas-menu-title" aria-hidden="true">
        {menu.label}
      </div>
      {menu.entries.map((entry, i) => (
        <Fragment key={entry.id}>
          {entry.groupStart && i > 0 && <hr className="canvas-menu-separator" />}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={entry.disabled || undefined}
            aria-keyshortcuts={entry.shortcut && keyShortcuts(entry.shortcut)}
            className="canvas-menu-item"
            onClick={() => run(i)}
          >
            <span>{entry.label}</span>
            {entry.shortcut && (
              <span className="canvas-menu-shortcut" aria-hidden="true">
                {entry.shortcut}
              </span>
            )}
          </button>
        </Fragment>
      ))}
    </div>,
    document.body,
  );
}
