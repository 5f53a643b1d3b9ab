import type { Element, Root, RootContent } from "hast";
import { describe, expect, it } from "vitest";
import { highlightCode, highlightLater, MAX_HIGHLIGHT_CHARS } from "./codeHighlighter";

/** Every token class in the tree, as "hljs-keyword". */
function classesOf(tree: Root | null): string[] {
  const found: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== "element") continue;
      const el = node as Element;
      const names = el.properties.className;
      if (Array.isArray(names)) found.push(...names.map(String));
      walk(el.children);
    }
  };
  walk(tree?.children ?? []);
  return found;
}

/** The text of the tree: tokens must keep every character of the code. */
function textOf(tree: Root | null): string {
  let text = "";
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "text") text += node.value;
      else if (node.type === "element") walk(node.children);
    }
  };
  walk(tree?.children ?? []);
  return text;
}

const PYTHON = 'def greet(name):\n    # say hello\n    return f"Hello {name}" * 2\n';

describe("highlightCode", () => {
  it("marks Python's keywords, strings and comments, keeping the code as it was", () => {
    const tree = highlightCode(PYTHON, "python");
    const classes = classesOf(tree);
    expect(classes).toContain("hljs-keyword");
    expect(classes).toContain("hljs-string");
    expect(classes).toContain("hljs-comment");
    expect(textOf(tree)).toBe(PYTHON);
  });

  it("knows the short names models write: py, ts, sh, html", () => {
    const samples = {
      py: "import os",
      ts: "const x: number = 1;",
      sh: "echo 'hi'",
      html: "<p>hi</p>",
    };
    for (const [alias, code] of Object.entries(samples)) {
      expect(classesOf(highlightCode(code, alias)), alias).not.toEqual([]);
    }
  });

  it("leaves a block plain when its language is unknown or it is too long", () => {
    expect(highlightCode(PYTHON, "cobol-2030")).toBeNull();
    const long = "x = 1\n".repeat(MAX_HIGHLIGHT_CHARS / 6 + 1);
    expect(long.length).toBeGreaterThan(MAX_HIGHLIGHT_CHARS);
    expect(highlightCode(long, "python")).toBeNull();
  });
});

describe("highlightLater", () => {
  it("highlights each block in a task of its own, and skips blocks that left the page", async () => {
    const gone = new AbortController();
    const kept = new AbortController();
    const first = highlightLater(PYTHON, "python", gone.signal);
    const second = highlightLater(PYTHON, "python", kept.signal);
    // Nothing runs in the task that asked.
    let settled = false;
    void first.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    gone.abort();
    expect(await first).toBeNull();
    expect(classesOf(await second)).toContain("hljs-keyword");
  });
});
