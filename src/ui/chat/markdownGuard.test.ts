import { describe, expect, it } from "vitest";
import {
  MARKDOWN_MAX_CHARS,
  MARKDOWN_MAX_DEPTH,
  markdownVerdict,
  nestingDepth,
} from "./markdownGuard";
import { markdownToHast } from "./markdownToHast";

const nestedList = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${" ".repeat(i * 2)}- level ${i}`).join("\n");

describe("markdownVerdict", () => {
  it("formats an ordinary reply: headings, lists, quotes, code with deep indentation", () => {
    const reply = [
      "# Plan",
      "",
      "> A quote\n> > within a quote",
      "",
      nestedList(4),
      "",
      "```py",
      `${" ".repeat(40)}return x`,
      "```",
      "",
      "Some **bold** and _italic_ and `code`.",
    ].join("\n");
    expect(markdownVerdict(reply)).toBe("markdown");
  });

  it("refuses 2,500 nested quotes, and 150 nested list items, as too deep", () => {
    expect(markdownVerdict(`${">".repeat(2_500)} deep`)).toBe("too-deep");
    expect(markdownVerdict(`${"> ".repeat(2_500)}deep`)).toBe("too-deep");
    expect(markdownVerdict(nestedList(150))).toBe("too-deep");
    expect(markdownVerdict(`${"1. ".repeat(2_500)}deep`)).toBe("too-deep");
  });

  it("formats nesting up to the limit and not one level more", () => {
    expect(nestingDepth(">".repeat(MARKDOWN_MAX_DEPTH))).toBe(MARKDOWN_MAX_DEPTH);
    expect(markdownVerdict(`${">".repeat(MARKDOWN_MAX_DEPTH)} x`)).toBe("markdown");
    expect(markdownVerdict(`${">".repeat(MARKDOWN_MAX_DEPTH + 1)} x`)).toBe("too-deep");
  });

  it("refuses a long run of emphasis delimiters and a huge reply as too large", () => {
    expect(markdownVerdict("*a".repeat(50_000))).toBe("too-large");
    expect(markdownVerdict("*a".repeat(5_000))).toBe("too-large");
    expect(markdownVerdict("a".repeat(200_000))).toBe("too-large");
    expect(markdownVerdict("a".repeat(MARKDOWN_MAX_CHARS))).toBe("markdown");
    expect(markdownVerdict("a".repeat(MARKDOWN_MAX_CHARS + 1))).toBe("too-large");
  });
});

describe("markdownToHast", () => {
  it("turns raw HTML into text and drops unsafe addresses", () => {
    const result = markdownToHast(
      "<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![y](data:text/html,hi) [ok](https://example.com)",
    );
    expect(result.ok).toBe(true);
    const json = JSON.stringify(result.ok ? result.tree : null);
    expect(json).not.toContain('"type":"raw"');
    expect(json).not.toContain("javascript:");
    expect(json).not.toContain('data:text/html,hi"');
    expect(json).toContain('"href":"https://example.com/"');
    expect(json).toContain("<img src=x onerror=alert(1)>");
  });

  it("never throws on nesting the guard would refuse: it reports failure or the depth", () => {
    const result = markdownToHast(`${">".repeat(2_500)} deep`);
    if (result.ok) expect(result.depth).toBeGreaterThan(MARKDOWN_MAX_DEPTH);
    else expect(result.reason).toBeTruthy();
  });
});
