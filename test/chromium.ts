/**
 * Debian's Chromium, as every browser test and script here launches it: never a downloaded
 * browser. The networking flags keep it from calling home on a machine with no internet.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
