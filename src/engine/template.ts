/**
 * Prompt templates: `{{input}}` is the chat message, `{{node_id}}` an upstream node's output.
 * Only well-formed ids inside double braces are references; any other text, `{{ }}` or
 * `{{not valid!}}` included, is kept literally so prompts about templates still work.
 */
const REFERENCE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The reserved reference to the chat message. */
export const INPUT_REFERENCE = "input";

/** Every distinct id a template references, in order of first use. */
export function templateReferences(template: string): string[] {
  const seen = new Set<string>();
  for (const match of template.matchAll(REFERENCE)) seen.add(match[1] as string);
  return [...seen];
}

/**
 * Fills a template. A reference with no value is an error, never an empty string: the
 * validator refuses such flows first, so reaching it here means a bug, and saying so beats
 * sending the model a prompt with a silent hole in it.
 */
export function renderTemplate(template: string, values: ReadonlyMap<string, string>): string {
  return template.replace(REFERENCE, (_whole, id: string) => {
    const value = values.get(id);
    if (value === undefined)
      throw new Error(`The template references {{${id}}}, which has no value.`);
    return value;
  });
}
