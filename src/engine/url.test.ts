import { describe, expect, it } from "vitest";
import { isHttpUrl } from "./url";

describe("isHttpUrl", () => {
  it("accepts http and https addresses, Ollama's and a hosted provider's alike", () => {
    expect(isHttpUrl("http://localhost:11434/v1")).toBe(true);
    expect(isHttpUrl("https://api.openai.com/v1")).toBe(true);
    expect(isHttpUrl("HTTPS://EXAMPLE.COM")).toBe(true);
    expect(isHttpUrl("http://[::1]:8080/v1")).toBe(true);
  });

  it("refuses other schemes, which a fetch to a model server must never use", () => {
    expect(isHttpUrl("ftp://example.com")).toBe(false);
    expect(isHttpUrl("file:///etc/passwd")).toBe(false);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(isHttpUrl("data:text/plain,hi")).toBe(false);
  });

  it("refuses text that is not an absolute address", () => {
    expect(isHttpUrl("")).toBe(false);
    expect(isHttpUrl("localhost:11434")).toBe(false);
    expect(isHttpUrl("/v1")).toBe(false);
    expect(isHttpUrl("http//missing-colon")).toBe(false);
  });

  it("refuses values that are not strings (a hand-edited flow file may hold anything)", () => {
    expect(isHttpUrl(undefined)).toBe(false);
    expect(isHttpUrl(42)).toBe(false);
    expect(isHttpUrl({ href: "http://x" })).toBe(false);
  });
});
