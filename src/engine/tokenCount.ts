/*
 * Counting the tokens of a call's messages (docs/memory.md, "Token budgets"). OpenAI's models
 * are counted with their real tokenizer (gpt-tokenizer, loaded only when a node has a token
 * budget, in a chunk of its own); every other model gets an estimate, and says so.
 */

/** Counts one message of a call, its per-message overhead included. */
export interface TokenCounter {
  /** True for a real tokenizer, false for the estimate: the views label an estimate as one. */
  exact: boolean;
  /** What counts: "o200k_base" (OpenAI's tokenizer) or "estimate". */
  name: string;
  count(message: { content: string }): number;
}

/**
 * Tokens every message costs beyond its text: OpenAI's chat format wraps each message in
 * start, role, separator and end tokens. The estimate uses the same figure, so both kinds of
 * count agree that no message costs less than this.
 */
export const MESSAGE_OVERHEAD = 4;

/** The estimate's rule: 4 characters (UTF-16 code units) to a token, rounded up. */
export const estimateTextTokens = (text: string): number => Math.ceil(text.length / 4);

export const ESTIMATE: TokenCounter = Object.freeze({
  exact: false,
  name: "estimate",
  count: (m: { content: string }) => estimateTextTokens(m.content) + MESSAGE_OVERHEAD,
});

type Encoding = "o200k_base" | "cl100k_base";

/**
 * OpenAI's encoding for a model name, or null when the name is not one of OpenAI's models
 * this app knows (then the estimate counts).
 */
export function openAiEncoding(model: string): Encoding | null {
  const name = model.trim().toLowerCase();
  if (/^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4)/.test(name)) return "o200k_base";
  if (/^(gpt-4|gpt-3\.5)/.test(name)) return "cl100k_base";
  return null;
}

/** How the calls of a node on this provider and model are counted, before anything loads. */
export const countsExactly = (provider: string, model: string): boolean =>
  provider === "openai" && openAiEncoding(model) !== null;

const loaded = new Map<Encoding, Promise<TokenCounter>>();

/** Each encoding's module in its own chunk, imported on first use and kept. */
function loadEncoding(encoding: Encoding): Promise<TokenCounter> {
  let counter = loaded.get(encoding);
  if (!counter) {
    const module =
      encoding === "o200k_base"
        ? import("gpt-tokenizer/encoding/o200k_base")
        : import("gpt-tokenizer/encoding/cl100k_base");
    counter = module.then(({ countTokens }) => ({
      exact: true,
      name: encoding,
      count: (m: { content: string }) => countTokens(m.content) + MESSAGE_OVERHEAD,
    }));
    // A failed load (a lost chunk) is tried again next time rather than remembered.
    counter.catch(() => loaded.delete(encoding));
    loaded.set(encoding, counter);
  }
  return counter;
}

/** The counter for a node's model: the real tokenizer where there is one, else the estimate. */
export function loadTokenCounter(provider: string, model: string): Promise<TokenCounter> {
  const encoding = provider === "openai" ? openAiEncoding(model) : null;
  return encoding ? loadEncoding(encoding) : Promise.resolve(ESTIMATE);
}
