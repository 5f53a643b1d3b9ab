import { ControlButton } from "@xyflow/react";
import { useUi } from "../../store/uiStore";

/** The zoom controls' button that hides and shows the minimap (remembered in settings). */
export default function MiniMapToggle() {
  const miniMap = useUi((s) => s.layout.miniMap);
  const setLayout = useUi((s) => s.setLayout);
  return (
    <ControlButton
      className="minimap-toggle"
      aria-label="Mini map"
      aria-pressed={miniMap}
      title={`${miniMap ? "Hide" : "Show"} the mini map`}
      onClick={() => void setLayout({ miniMap: !miniMap })}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <rect x="1.5" y="3" width="13" height="10" rx="1.5" fill="none" stroke="currentColor" />
        <rect x="8" y="7.5" width="4.5" height="3.5" fill="currentColor" />
      </svg>
    </ControlButton>
  );
}
