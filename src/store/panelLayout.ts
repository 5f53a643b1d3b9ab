/**
 * The workspace's panel sizes and what is shown: kept in IndexedDB settings
 * (SETTINGS.panelLayout) through the view slice, so a reload finds the panels as they were.
 */
export interface PanelLayout {
  /** Widths in CSS pixels of the palette column (left) and the chat/node panel (right). */
  left: number;
  right: number;
  leftCollapsed: boolean;
  rightCollapsed: boolean;
  miniMap: boolean;
}

export const DEFAULT_PANEL_LAYOUT: PanelLayout = {
  left: 230,
  right: 400,
  leftCollapsed: false,
  rightCollapsed: false,
  miniMap: true,
};

/**
 * A stored layout checked field by field: a wrong or missing field keeps its default. A width
 * out of range is harmless: the columns' CSS limits hold whatever the number says.
 */
export function asPanelLayout(value: unknown): PanelLayout {
  const v = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const d = DEFAULT_PANEL_LAYOUT;
  const width = (side: "left" | "right") =>
    typeof v[side] === "number" && Number.isFinite(v[side]) ? v[side] : d[side];
  const flag = (key: "leftCollapsed" | "rightCollapsed" | "miniMap") =>
    typeof v[key] === "boolean" ? v[key] : d[key];
  return {
    left: width("left"),
    right: width("right"),
    leftCollapsed: flag("leftCollapsed"),
    rightCollapsed: flag("rightCollapsed"),
    miniMap: flag("miniMap"),
  };
}
