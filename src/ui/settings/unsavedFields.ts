/** A field of the Settings dialog holding text that is not saved (and would be lost on close). */
export interface UnsavedField {
  /** How the field is named on screen ("OpenAI base URL"). */
  name: string;
  /** Why it is not saved, in a few words. */
  why: "not valid yet" | "not used yet";
  element: HTMLInputElement;
}

/**
 * What closing Settings would lose: Settings saves as you type, except text it refuses (a
 * base URL or a timeout that is not one yet, marked aria-invalid) and a passphrase typed but
 * not yet used (one being used right now, its form busy, is not lost by closing). Read from
 * the page, so a new field with a refusal is covered without a list.
 */
export function unsavedFields(root: HTMLElement): UnsavedField[] {
  const inputs = root.querySelectorAll<HTMLInputElement>(
    'input[aria-invalid="true"], .settings-passphrase:not([aria-busy="true"]) input[type="password"]',
  );
  return [...inputs]
    .filter((input) => input.value !== "")
    .map((input) => ({
      name: fieldName(root, input),
      why: input.type === "password" ? "not used yet" : "not valid yet",
      element: input,
    }));
}

function fieldName(root: HTMLElement, input: HTMLInputElement): string {
  const label =
    input.getAttribute("aria-label") ??
    [...root.querySelectorAll("label")].find((l) => input.id && l.htmlFor === input.id)
      ?.textContent ??
    "";
  return label.trim() || "A field";
}

/** "A, B and C". */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
