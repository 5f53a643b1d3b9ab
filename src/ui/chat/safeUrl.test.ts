import { describe, expect, it } from "vitest";
import { safeUrl } from "./safeUrl";

describe("safeUrl", () => {
  it("keeps web and mail links", () => {
    expect(safeUrl("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(safeUrl("HTTP://Example.com")).toBe("http://example.com/");
    expect(safeUrl("mailto:someone@example.com")).toBe("mailto:someone@example.com");
  });

  it("refuses script, data, file and relative links, however they are spelled", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "/settings",
      "#top",
      "//evil.example",
      "",
    ]) {
      expect(safeUrl(url), url).toBeNull();
    }
  });
});
