import { describe, expect, it } from "vitest";
import { entryBeforeTheme } from "./entryBeforeTheme";

/** The head as Vite writes it: the entry's and the stylesheet's tags after the theme script. */
const BUILT = `<head>
    <title>LLM Flow Studio</title>
    <!-- Before the first paint, so a reload never flashes the other theme. -->
    <script src="/theme.js"></script>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-def.css">
  </head>`;

function transform(html: string): string {
  const hook = entryBeforeTheme().transformIndexHtml;
  if (!hook || typeof hook === "function" || !("handler" in hook)) throw new Error("no hook");
  const handler = hook.handler as (html: string) => string;
  return handler(html);
}

describe("entryBeforeTheme", () => {
  it("asks for the entry module and the stylesheet before the theme script holds the parser", () => {
    const out = transform(BUILT);
    const at = (text: string) => out.indexOf(text);
    expect(
      at('<link rel="modulepreload" crossorigin href="/assets/index-abc.js">'),
    ).toBeGreaterThan(-1);
    expect(at("modulepreload")).toBeLessThan(at("<!-- Before the first paint"));
    expect(at('href="/assets/index-def.css"')).toBeLessThan(at('<script src="/theme.js">'));
    // The entry still runs as a module script, once, and the stylesheet is linked once.
    expect(out.match(/<script type="module"/g)).toHaveLength(1);
    expect(out.match(/rel="stylesheet"/g)).toHaveLength(1);
    // The comment stays with the script it explains.
    expect(out).toContain('theme. -->\n    <script src="/theme.js"></script>');
  });

  it("fails the build when the page has no theme script or no entry to move ahead of it", () => {
    expect(() => transform(BUILT.replace('<script src="/theme.js"></script>', ""))).toThrow(
      /theme script/,
    );
    expect(() => transform(BUILT.replace(/<script type="module"[^\n]*\n/, ""))).toThrow(/entry/);
  });
});
