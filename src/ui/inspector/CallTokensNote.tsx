import type { CallTokens } from "../../engine/callAssembly";

const n = (value: number) => value.toLocaleString("en");

/** How a count was made, in words: an estimate says so. */
export const counterWords = (tokens: Pick<CallTokens, "exact" | "counter">): string =>
  tokens.exact ? `counted with ${tokens.counter}` : "estimate: 4 characters a token + 4 a message";

/**
 * A call's tokens and its budget, in one line: "Sends 84 tokens (estimate: …). Token budget
 * 300: memory uses 64; 2 messages over it were not sent."
 */
export function CallTokensNote({
  tokens,
  beforePrompt = false,
}: {
  tokens: CallTokens;
  /** The Next call preview has no prompt yet: its count leaves the prompt's text out. */
  beforePrompt?: boolean;
}) {
  const sends = `${beforePrompt ? "Sends" : "Sent"} ${n(tokens.total)} tokens${beforePrompt ? " before your message's text" : ""} (${counterWords(tokens)}).`;
  let budget = "";
  if (tokens.budget !== null) {
    const over = tokens.droppedByBudget;
    budget = ` Token budget ${n(tokens.budget)}: memory ${beforePrompt ? "uses" : "used"} ${n(tokens.memory ?? 0)}${
      over > 0
        ? `; ${over} message${over === 1 ? "" : "s"} over it ${beforePrompt ? "are" : "were"} not sent.`
        : "."
    }`;
  }
  return (
    <p className="inspector-help call-tokens">
      {sends}
      {budget}
    </p>
  );
}
