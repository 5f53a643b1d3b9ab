/**
 * Prompt templates: `{{input}}` is the chat message, `{{node_id}}` an upstream node's output.
 * Only well-formed ids inside double braces are references, with optional whitespace inside
 * the braces (`{{ llm1 }}` is `{{llm1}}`); any other text, `{{ }}` or `{{not valid!}}`
 * included, is kept literally so prompts about templates still work. This file is the one
 * grammar: the engine, the validator, renames, the inspector and the Python export all read
 * templates through it (docs/flow-format.md, "Templates").
 */

/** What a node id (and so a reference) is: letters, digits and _, not starting with a digit. */
export const ID_SYNTAX = "[A-Za-z_][A-Za-z0-9_]*";

/** A valid node id, and a valid memory id: the template grammar's id. */
export const NODE_ID_PATTERN = new RegExp(`^${ID_SYNTAX}$`);

/** A fresh global regex each time: a shared /g regex carries lastIndex from one caller to the next. */
const referencePattern = () => new RegExp(`\\{\\{(\\s*)(${ID_SYNTAX})(\\s*)\\}\\}`, "g");

/** The reserved reference to the chat message. */
export const INPUT_REFERENCE = "input";

/** One reference as written in a template. */
export interface TemplateReference {
  /** The id it names. */
  id: string;
  /** The whole reference as written, braces and whitespace included. */
  text: string;
  /** Whitespace between `{{` and the id, and between the id and `}}`. */
  before: string;
  after: string;
}

export type TemplatePart =
  | { kind: "text"; text: string }
  | ({ kind: "reference" } & TemplateReference);

/** A template cut into literal text and references, in order; joining every `text` gives it back. */
export function tokenizeTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let at = 0;
  for (const match of template.matchAll(referencePattern())) {
    const start = match.index;
    if (start > at) parts.push({ kind: "text", text: template.slice(at, start) });
    parts.push({ kind: "reference", ...toReference(match) });
    at = start + match[0].length;
  }
  if (at < template.length) parts.push({ kind: "text", text: template.slice(at) });
  return parts;
}

/** Replaces every reference with what `replace` returns for it; the rest stays as written. */
export function replaceReferences(
  template: string,
  replace: (ref: TemplateReference) => string,
): string {
  // A function replacement: `$&` and the like in the returned text are not special.
  return template.replace(referencePattern(), (text, before: string, id: string, after: string) =>
    replace({ id, text, before, after }),
  );
}

function toReference(match: RegExpMatchArray): TemplateReference {
  return {
    id: match[2] as string,
    text: match[0],
    before: match[1] as string,
    after: match[3] as string,
  };
}

/** How the editor writes a reference to `id`. */
export const referenceTo = (id: string): string => `{{${id}}}`;

/** The same reference naming another id, its whitespace kept (a rename). */
export const renameReference = (ref: TemplateReference, to: string): string =>
  `{{${ref.before}${to}${ref.after}}}`;

/**
 * The id when the template is exactly one reference and nothing else (`{{ llm1 }}`), else
 * null. Text around it, whitespace included, makes it a composite: it shows in the output.
 */
export function soleReference(template: string): string | null {
  const parts = tokenizeTemplate(template);
  const [only] = parts;
  return parts.length === 1 && only?.kind === "reference" ? only.id : null;
}

/** Every distinct id a template references, in order of first use. */
export function templateReferences(template: string): string[] {
  const seen = new Set<string>();
  for (const part of tokenizeTemplate(template)) if (part.kind === "reference") seen.add(part.id);
  return [...seen];
}

/**
 * Fills a template. A reference with no value is an error, never an empty string: the
 * validator refuses such flows first, so reaching it here means a bug, and saying so beats
 * sending the model a prompt with a silent hole in it.
 */
export function renderTemplate(template: string, values: ReadonlyMap<string, string>): string {
  return replaceReferences(template, ({ id }) => {
    const value = values.get(id);
    if (value === undefined)
      throw new Error(`The template references ${referenceTo(id)}, which has no value.`);
    return value;
  });
}
