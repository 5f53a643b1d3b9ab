import { useState } from "react";
import { type Theme, useStudio } from "../../store/studioStore";
import { ThemeIcon } from "./ThemeIcon";
import "./theme.css";

const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** One header button that cycles System → Light → Dark. */
export function ThemeToggle() {
  const theme = useStudio((s) => s.theme);
  const setTheme = useStudio((s) => s.setTheme);
  // Screen readers do not reliably re-read a focused button whose name changed: say it once.
  const [announcement, setAnnouncement] = useState("");
  const next = NEXT[theme];

  const cycle = () => {
    setAnnouncement(`Theme: ${LABEL[next]}`);
    setTheme(next).catch(() => {
      // The theme is already applied for this visit; only remembering it failed.
    });
  };

  return (
    <>
      <button
        type="button"
        className="theme-toggle"
        aria-label={`Theme: ${LABEL[theme]}`}
        title={`Theme: ${LABEL[theme]} (switch to ${LABEL[next]})`}
        onClick={cycle}
      >
        <ThemeIcon theme={theme} />
        <span className="theme-toggle-label">{LABEL[theme]}</span>
      </button>
      <span className="sr-only" role="status">
        {announcement}
      </span>
    </>
  );
}
