import { useUi } from "../../store/uiStore";
import "./settings.css";

/** The header button that opens Settings (API keys, base URLs, storage). */
export function SettingsButton() {
  const openSettings = useUi((s) => s.openSettings);
  return (
    <button
      type="button"
      className="settings-button"
      aria-haspopup="dialog"
      onClick={() => openSettings()}
    >
      <svg
        className="settings-icon"
        viewBox="0 0 24 24"
        width="16"
        height="16"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="12" cy="12" r="3" />
        <path d="M12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1 7 17M17 7l2.1-2.1" />
      </svg>
      Settings
    </button>
  );
}
