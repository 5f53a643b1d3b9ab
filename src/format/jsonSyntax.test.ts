import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError, lineAndColumn, parseJson } from "./jsonSyntax";

describe("parseJson", () => {
  it("parses JSON and strips a byte-order mark", () => {
    expect(parseJson('\uFEFF{"a": [1, true, null, "x"]}')).toEqual({
      ok: true,
      value: { a: [1, true, null, "x"] },
    });
  });

  it.each([
    ['{"a": 1,}', "unexpected character at line 1, column 9"],
    ['{"a" 1}', "unexpected character at line 1, column 6"],
    ["[1, 2] 3", "unexpected character at line 1, column 8"],
    ["[01]", "unexpected character at line 1, column 3"],
    ['["tab\there"]', "unexpected character at line 1, column 6"],
    ['["\\x"]', "unexpected character at line 1, column 4"],
    ["[tru]", "unexpected character at line 1, column 5"],
    ["{'a': 1}", "unexpected character at line 1, column 2"],
    ['{\r\n  "a": 1\r\n  "b": 2\r\n}', "unexpected character at line 3, column 3"],
    ['["é😀", x]', "unexpected character at line 1, column 8"],
    ['{"a": [1, 2', "the text ends too early, at line 1, column 12"],
    ['"open', "the text ends too early, at line 1, column 6"],
    ["-", "the text ends too early, at line 1, column 2"],
  ])("%j → %s", (text, where) => {
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(where);
  });

  it("agrees with JSON.parse on what is JSON, for any text", () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc
        .json()
        .chain((s) =>
          fc
            .tuple(fc.nat({ max: s.length }), fc.string({ maxLength: 3 }))
            .map(([at, junk]) => s.slice(0, at) + junk + s.slice(at)),
        ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(text) === null).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("lineAndColumn", () => {
  it("counts \\n, \\r\\n and \\r as line breaks, columns in characters", () => {
    expect(lineAndColumn("a\nb\r\nc\rd", 7)).toEqual({ line: 4, column: 1 });
    expect(lineAndColumn("😀x", 2)).toEqual({ line: 1, column: 2 });
  });
});
