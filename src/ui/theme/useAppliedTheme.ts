import { useLayoutEffect, useSyncExternalStore } from "react";
import { type Theme, useStudio } from "../../store/studioStore";

export type AppliedTheme = "light" | "dark";

const DARK_QUERY = "(prefers-color-scheme: dark)";

// A new MediaQueryList per call rather than a cached one: tests stub matchMedia per test.
const darkQuery = (): MediaQueryList | null =>
  typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : null;

function subscribeToSystem(onChange: () => void): () => void {
  const query = darkQuery();
  query?.addEventListener("change", onChange);
  return () => query?.removeEventListener("change", onChange);
}

const systemPrefersDark = (): boolean => darkQuery()?.matches ?? false;

export function resolveTheme(theme: Theme, systemDark: boolean): AppliedTheme {
  if (theme !== "system") return theme;
  return systemDark ? "dark" : "light";
}

/**
 * Applies the chosen theme as `data-theme` on <html> (styles.css keys its variables on it) and
 * returns it resolved, for widgets that take a colour mode (React Flow's `colorMode`).
 * "System" follows the operating system live, not just at load. Call it once, near the root.
 */
export function useAppliedTheme(): AppliedTheme {
  const theme = useStudio((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribeToSystem, systemPrefersDark, () => false);
  const applied = resolveTheme(theme, systemDark);

  // A layout effect, so the first paint after a change is already in the new colours.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = applied;
  }, [applied]);

  return applied;
}
