import { type CallModel, callTokenCounter } from "../../engine/callAssembly";
import type { MemorySettings } from "../../engine/memorySettings";
import { keptTokens } from "../../engine/memorySettings";
import type { TokenCounter } from "../../engine/tokenCount";
import { ESTIMATE } from "../../engine/tokenCount";
import { errorText, useStoreQuery } from "../../store/useStoreQuery";

export type CounterState =
  | { status: "ready"; counter: TokenCounter }
  | { status: "loading" }
  | { status: "failed"; message: string };

/**
 * The node's token counter, as its call will count (callTokenCounter): the model's tokenizer
 * loads only once the node has a token budget, so a flow without one never fetches it.
 */
export function useCallTokenCounter(settings: MemorySettings, model: CallModel): CounterState {
  const budgeted = settings.memoryId !== null && keptTokens(settings) !== null;
  const query = useStoreQuery(budgeted ? () => callTokenCounter(settings, model) : null, [
    budgeted,
    model.provider,
    model.model,
  ]);
  if (!budgeted) return { status: "ready", counter: ESTIMATE };
  if (query.status === "ready") return { status: "ready", counter: query.data };
  if (query.status === "failed")
    return {
      status: "failed",
      message: `Could not load the tokenizer for ${model.model}: ${errorText(query.error)}`,
    };
  return { status: "loading" };
}
