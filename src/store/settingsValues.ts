import type { Viewport } from "./flowStore";
import type { Theme } from "./viewSlice";

/*
 * Settings come back from storage as `unknown`: a value written by another version (or edited
 * by hand) is checked, and a wrong one falls back to the default instead of breaking the app.
 */
export function asTheme(value: unknown): Theme | undefined {
  return value === "system" || value === "light" || value === "dark" ? value : undefined;
}

export function asViewport(value: unknown): Viewport | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { x, y, zoom } = value as Record<string, unknown>;
  const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);
  return finite(x) && finite(y) && finite(zoom) && zoom > 0 ? { x, y, zoom } : undefined;
}
