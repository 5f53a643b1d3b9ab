import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commentText, pyString } from "./pythonLiteral";

describe("pyString", () => {
  it("escapes quotes, backslashes, line breaks, controls and bidi characters", () => {
    expect(pyString('a"b\\c\nd\re\tf\u0000\u007f\u0085\u2028\u202e\uFEFF')).toBe(
      '"a\\"b\\\\c\\nd\\re\\tf\\x00\\x7f\\x85\\u2028\\u202e\\ufeff"',
    );
  });

  it("keeps printable characters, astral ones included, and escapes lone surrogates", () => {
    expect(pyString("héllo 😀 ''' {{x}}")).toBe("\"héllo 😀 ''' {{x}}\"");
    expect(pyString("\ud800x\udfff")).toBe('"\\ud800x\\udfff"');
  });

  it("evaluates in Python to the same string, for any string", () => {
    const strings = fc.sample(fc.string({ unit: "binary", maxLength: 30 }), 500);
    const source = `import json, sys\nprint(json.dumps([${strings.map(pyString).join(", ")}]))\n`;
    const run = spawnSync("python3", ["-c", source], {
      encoding: "utf8",
      env: { ...process.env, PYTHONIOENCODING: "utf-8" },
    });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual(strings);
  });
});

describe("commentText", () => {
  it("turns anything that could end a comment line into a space", () => {
    expect(commentText("a\nb\rc\u2028d\u0085e")).toBe("a b c d e");
  });
});
