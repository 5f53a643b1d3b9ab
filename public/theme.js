// Applies the chosen theme before the first paint. A file, not an inline script, so the
// Content Security Policy can allow scripts from this site only (docs/architecture.md).
// The key is THEME_MIRROR_KEY in src/store: do not change it.
(() => {
  let theme = null;
  try {
    theme = localStorage.getItem("llm-flow-studio.theme");
  } catch {
    // Storage can be disabled (some privacy modes): follow the system.
  }
  // "System" (or nothing chosen yet) follows the operating system, as useAppliedTheme does.
  document.documentElement.dataset.theme =
    theme === "light" || theme === "dark"
      ? theme
      : matchMedia("(prefers-color-scheme: dark)").matches
        ? "dark"
        : "light";
})();
