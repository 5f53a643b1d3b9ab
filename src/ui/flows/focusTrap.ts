const FOCUSABLE = [
  "a[href]",
  "button:not([disabled])",
  "input:not([disabled])",
  "select:not([disabled])",
  "textarea:not([disabled])",
  '[tabindex]:not([tabindex="-1"])',
].join(",");

/** What Tab reaches inside `container`: not hidden controls (a file input behind its button). */
export function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.hidden && el.tabIndex >= 0,
  );
}

/** Focuses the first control inside, or the container itself (give it tabIndex -1) if none. */
export function focusFirst(container: HTMLElement | null): void {
  if (!container) return;
  (focusables(container)[0] ?? container).focus();
}

interface TabKey {
  key: string;
  shiftKey: boolean;
  preventDefault(): void;
}

/** Wraps Tab and Shift+Tab around the ends of `container`, so focus cannot wander behind it. */
export function trapTab(event: TabKey, container: HTMLElement): void {
  if (event.key !== "Tab") return;
  const items = focusables(container);
  const first = items[0];
  const last = items.at(-1);
  const active = document.activeElement;
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
