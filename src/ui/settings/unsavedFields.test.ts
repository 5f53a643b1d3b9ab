// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { listOfNames, unsavedFields } from "./unsavedFields";

function dialogWith(html: string): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = html;
  return root;
}

describe("what closing Settings would lose", () => {
  it("names refused text and a passphrase typed but not used; nothing for empty or saved fields", () => {
    const root = dialogWith(`
      <input aria-label="OpenAI base URL" aria-invalid="true" value="api.example.com">
      <input aria-label="Google base URL" aria-invalid="true" value="">
      <input aria-label="OpenAI API key" type="password" value="sk-saved">
      <form class="settings-passphrase">
        <label for="p">New passphrase</label><input id="p" type="password" value="horse">
      </form>`);
    const fields = unsavedFields(root);
    expect(fields.map((f) => `${f.name}: ${f.why}`)).toEqual([
      "OpenAI base URL: not valid yet",
      "New passphrase: not used yet",
    ]);
    expect(listOfNames(fields.map((f) => f.name))).toBe("OpenAI base URL and New passphrase");
  });

  it("does not count a passphrase being used right now (its form is busy)", () => {
    const root = dialogWith(`
      <form class="settings-passphrase" aria-busy="true">
        <label for="p">Passphrase</label><input id="p" type="password" value="correct horse">
      </form>`);
    expect(unsavedFields(root)).toEqual([]);
  });
});
