import type { Plugin } from "vite";

const THEME_TAG = '<script src="/theme.js"></script>';

/**
 * Starts the downloads of the app's entry module and stylesheet before theme.js: Vite puts
 * their tags after every script of index.html's head, and the theme script (which must run
 * before the first paint, so it blocks the parser) held their requests back until it had
 * arrived. A modulepreload link ahead of it asks for the entry at once (which still runs after
 * the page is parsed, as module scripts do), and the stylesheet's link moves ahead of it.
 */
export function entryBeforeTheme(): Plugin {
  return {
    name: "llm-flow-studio:entry-before-theme",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html) {
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)?.[1];
        if (!entry || !html.includes(THEME_TAG)) {
          throw new Error("index.html: the entry module or the theme script was not found");
        }
        const styles = [...html.matchAll(/<link rel="stylesheet" crossorigin href="[^"]+">/g)].map(
          (m) => m[0],
        );
        let out = html;
        for (const tag of styles) out = out.replace(`${tag}\n`, "").replace(tag, "");
        const early = [`<link rel="modulepreload" crossorigin href="${entry}">`, ...styles];
        // Ahead of the theme script, and of the comment just above it that says why it is there.
        const tagAt = out.indexOf(THEME_TAG);
        const anchor = /<!--(?:(?!-->)[\s\S])*-->\s*$/.exec(out.slice(0, tagAt))?.index ?? tagAt;
        return `${out.slice(0, anchor)}${early.join("\n    ")}\n    ${out.slice(anchor)}`;
      },
    },
  };
}
