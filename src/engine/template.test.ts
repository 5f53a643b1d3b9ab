import { describe, expect, it } from "vitest";
import { renderTemplate, templateReferences } from "./template";

describe("templates", () => {
  it("lists each reference once, in order, with or without spaces", () => {
    expect(templateReferences("{{input}} then {{ llm1 }} and {{input}}")).toEqual([
      "input",
      "llm1",
    ]);
  });

  it("keeps text that only looks like a reference", () => {
    const text = "Use {{ }} or {{not valid!}} or {single} literally: {{input}}";
    expect(templateReferences(text)).toEqual(["input"]);
    expect(renderTemplate(text, new Map([["input", "hi"]]))).toBe(
      "Use {{ }} or {{not valid!}} or {single} literally: hi",
    );
  });

  it("inserts values verbatim, even ones that contain braces or $ signs", () => {
    expect(renderTemplate("Summarize: {{llm1}}", new Map([["llm1", "costs $& {{x}}"]]))).toBe(
      "Summarize: costs $& {{x}}",
    );
  });

  it("throws instead of inserting an empty string for a missing reference", () => {
    expect(() => renderTemplate("{{ghost}}", new Map())).toThrow("{{ghost}}");
  });
});
