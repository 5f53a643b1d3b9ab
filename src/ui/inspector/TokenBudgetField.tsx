import { countsExactly } from "../../engine/tokenCount";
import { parseTokenBudget } from "../memory/memoryLabels";
import { Field } from "./Field";
import { formatOptional } from "./fieldParsers";
import { fieldProblems, type NodeProblems } from "./nodeProblems";
import { useDraft } from "./useDraft";

interface TokenBudgetFieldProps {
  windowTokens: number | null;
  provider: string;
  model: string;
  problems: NodeProblems;
  update: (patch: Record<string, unknown>) => void;
}

/** The memory's token budget (memoryWindowTokens): empty is none. */
export function TokenBudgetField({
  windowTokens,
  provider,
  model,
  problems,
  update,
}: TokenBudgetFieldProps) {
  const draft = useDraft(windowTokens, formatOptional, parseTokenBudget, (next) =>
    update({ memoryWindowTokens: next ?? undefined }),
  );
  const counting = countsExactly(provider, model)
    ? `Counted with ${model}'s tokenizer.`
    : "Counted as an estimate (4 characters a token, + 4 a message): this model's tokenizer is not available here.";
  return (
    <Field
      label="Memory token budget"
      help={`Empty = no budget; N = the newest messages whose tokens fit in N, with the window size too. ${counting}`}
      refusal={draft.error}
      problems={fieldProblems(problems, "memoryWindowTokens")}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          placeholder="no budget"
          value={draft.text}
          onChange={(e) => draft.change(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && draft.reset()}
        />
      )}
    </Field>
  );
}
