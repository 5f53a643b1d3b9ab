import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  referenceTo,
  renameReference,
  renderTemplate,
  replaceReferences,
  soleReference,
  templateReferences,
  tokenizeTemplate,
} from "./template";

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

describe("the template grammar", () => {
  it("cuts a template into text and references, and joins back to it", () => {
    const template = "Hi {{ llm1 }}, {{input}}{{ }} {{2bad}}";
    const parts = tokenizeTemplate(template);
    expect(parts.map((p) => (p.kind === "reference" ? `<${p.id}>` : p.text))).toEqual([
      "Hi ",
      "<llm1>",
      ", ",
      "<input>",
      "{{ }} {{2bad}}",
    ]);
    expect(parts.map((p) => p.text).join("")).toBe(template);
  });

  it("joins back to any template, and finds the references templateReferences lists", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc
        .tuple(fc.constantFrom("", " ", "\t", "\n "), fc.constantFrom("a", "llm1", "_x9", "input"))
        .map(([space, id]) => `{{${space}${id}${space}}}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const template = pieces.join("");
        const parts = tokenizeTemplate(template);
        expect(parts.map((p) => p.text).join("")).toBe(template);
        const ids = parts.flatMap((p) => (p.kind === "reference" ? [p.id] : []));
        expect([...new Set(ids)]).toEqual(templateReferences(template));
      }),
    );
  });

  it("a sole reference is the whole template; any text around it makes a composite", () => {
    expect(soleReference("{{ llm1 }}")).toBe("llm1");
    expect(soleReference("{{llm1}}")).toBe("llm1");
    expect(soleReference(" {{llm1}}")).toBeNull();
    expect(soleReference("{{llm1}}{{llm2}}")).toBeNull();
    expect(soleReference("{{ }}")).toBeNull();
  });

  it("a rename keeps the whitespace the user wrote", () => {
    const renamed = replaceReferences("{{ a }} and {{a}} and {{b}}", (ref) =>
      ref.id === "a" ? renameReference(ref, "z") : ref.text,
    );
    expect(renamed).toBe("{{ z }} and {{z}} and {{b}}");
    expect(referenceTo("llm1")).toBe("{{llm1}}");
  });
});
